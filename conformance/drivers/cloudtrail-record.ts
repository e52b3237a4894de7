import { answerFromRecord, type Answer } from "../answer";
import type { AwsJsonCall, HttpCall } from "../schema";
import type { ScenarioContext } from "../scenario-context";
import type { ResolveOptions } from "../template";
import { runAwsJson, runHttp, send } from "./request";

/**
 * Makes a call, then finds the CloudTrail record it left, through LookupEvents signed with the
 * scenario's reader keys (the API a support engineer uses). The newest event of that name wins.
 */
export async function runCloudTrailRecord(before: HttpCall | AwsJsonCall, eventName: string, ctx: ScenarioContext, options: ResolveOptions): Promise<Answer> {
  const started = Math.floor(Date.now() / 1000) - 5;
  await (before.op === "http" ? runHttp(before, ctx, options) : runAwsJson(before, ctx, options));
  // LookupEvents allows 2 requests/s per account and Region; like the SDK's standard retry mode,
  // back off and retry on ThrottlingException rather than fail (cases run back to back).
  let lookup = await lookupOnce(eventName, started, ctx, options);
  for (let attempt = 1; attempt < 6 && lookup.errorType === "ThrottlingException"; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    lookup = await lookupOnce(eventName, started, ctx, options);
  }
  const events = (lookup.json as { Events?: Array<{ CloudTrailEvent?: string; EventTime?: number }> } | null)?.Events;
  if (lookup.status !== 200 || !events) throw new Error(`LookupEvents answered ${lookup.status}: ${lookup.text.slice(0, 300)}`);
  const newest = events.map((e) => JSON.parse(e.CloudTrailEvent ?? "{}") as Record<string, unknown>).sort((a, b) => String(b.eventTime).localeCompare(String(a.eventTime)))[0];
  if (!newest) throw new Error(`no ${eventName} event was recorded`);
  return answerFromRecord(newest);
}

function lookupOnce(eventName: string, started: number, ctx: ScenarioContext, options: ResolveOptions): Promise<Answer> {
  return send(
    {
      method: "POST",
      url: `${ctx.base}/cloudtrail/`,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents" },
      body: JSON.stringify({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: eventName }], StartTime: started, MaxResults: 50 }),
    },
    { service: "cloudtrail", mode: "header", signer: "smithy", credentials: "reader" },
    ctx,
    options,
  );
}
