// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandOutput } from "@aws-sdk/client-cloudtrail";
import { recordOf, redactRecord } from "../../lib/cloudtrail/normalize";
import { LookupError, lookupMessage } from "../../lib/cloudtrail/lookup/errors";
import type { LookupMessage } from "../../lib/cloudtrail/lookup/messages";
import { sleep, type Pacer } from "./pacer";
import { scrubSecrets } from "./scrub";
import { unreachableMessage } from "../../lib/errors/unreachable";
import { awsSuffix } from "../../lib/security/connect-sources";

/**
 * LookupEvents over a time window with the official SDK: one lookup attribute per call
 * (EventName=…), every page, at most 2 requests/s (the shared pacer), and exponential backoff
 * when CloudTrail still says ThrottlingException. The SDK's own retries are off so that pacing
 * is ours alone and measurable. Yields the NDJSON messages the route streams.
 */

interface LookupTrailOptions {
  region: string;
  endpoint?: string;
  endpointKind: "aws" | "sandbox";
  /** Pasted credentials, for this lookup only; undefined uses the server's credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  startTime: Date;
  endTime: Date;
  eventNames: readonly string[];
  maxPages: number;
  signal: AbortSignal;
  pacer: Pacer;
  pacerKey: string;
  now?: () => number;
  maxThrottleRetries?: number;
  backoffBaseMs?: number;
}

/** Why AWS said no, in words a support engineer can act on. */
const HINTS: Record<string, string> = {
  AccessDeniedException: "These credentials may not call cloudtrail:LookupEvents (e.g. attach AWSCloudTrail_ReadOnlyAccess).",
  UnrecognizedClientException: "AWS does not know this access key — or a temporary (ASIA…) key was pasted without its session token.",
  InvalidClientTokenId: "AWS does not know this access key.",
  InvalidSignatureException: "The secret access key does not belong to this access key id.",
  SignatureDoesNotMatch: "The secret access key does not belong to this access key id.",
  ExpiredTokenException: "These temporary credentials have expired: get new ones.",
  ExpiredToken: "These temporary credentials have expired: get new ones.",
};

type SdkError = Error & { $metadata?: { httpStatusCode?: number }; $retryable?: { throttling?: boolean } };

function toLookupError(error: unknown, secrets: readonly (string | undefined)[], endpoint: string): LookupError {
  const e = error as SdkError & { code?: string };
  if (e.$metadata?.httpStatusCode) {
    const hint = HINTS[e.name] ?? "";
    return new LookupError("upstream:cloudtrail", `${e.name}: ${scrubSecrets(e.message, secrets)}${hint ? ` ${hint}` : ""}`, e.name);
  }
  if (e.name === "CredentialsProviderError") return new LookupError("misconfigured:cloudtrail:credentials");
  // Node's network errors carry the reason in `code` (ECONNREFUSED, ENOTFOUND …); the name alone is "Error".
  const reason = [e.name, e.code].filter((v) => typeof v === "string" && v !== "").join(" ") || "error";
  return new LookupError("unreachable:cloudtrail", unreachableMessage("CloudTrail", endpoint, [`LookupEvents from the dashboard's server: no answer (${scrubSecrets(reason, secrets)})`]));
}

const isThrottle = (error: unknown) => (error as SdkError).name === "ThrottlingException" || (error as SdkError).$retryable?.throttling === true;

function recordsOf(output: LookupEventsCommandOutput): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const event of output.Events ?? []) {
    const unwrapped = recordOf(event);
    if ("record" in unwrapped && typeof event.CloudTrailEvent === "string") out.push(redactRecord(unwrapped.record));
  }
  return out;
}

export async function* lookupTrail(o: LookupTrailOptions): AsyncGenerator<LookupMessage> {
  const now = o.now ?? Date.now;
  const started = now();
  const elapsed = () => now() - started;
  const secrets = [o.credentials?.accessKeyId, o.credentials?.secretAccessKey, o.credentials?.sessionToken];
  // The SDK's regional endpoint when none is given (aws-sdk-js-v3 client-cloudtrail's endpoint
  // ruleset: https://cloudtrail.{region}.{dnsSuffix}), named in an "could not be reached".
  const endpoint = o.endpoint ?? `https://cloudtrail.${o.region}.${awsSuffix(o.region)}`;
  const client = new CloudTrailClient({ region: o.region, maxAttempts: 1, ...(o.endpoint ? { endpoint: o.endpoint } : {}), ...(o.credentials ? { credentials: o.credentials } : {}) });
  let pages = 0;
  let events = 0;
  yield { type: "start", region: o.region, endpoint: o.endpointKind, eventNames: [...o.eventNames], startTime: o.startTime.toISOString(), endTime: o.endTime.toISOString() };
  try {
    for (const eventName of o.eventNames) {
      let nextToken: string | undefined;
      let page = 0;
      do {
        if (pages >= o.maxPages) {
          yield { type: "done", pages, events, elapsedMs: elapsed(), complete: false, note: `Stopped after ${o.maxPages} pages: narrow the window to see the rest.` };
          return;
        }
        let output: LookupEventsCommandOutput | undefined;
        let sentAtMs = 0;
        for (let attempt = 0; !output; ) {
          sentAtMs = await o.pacer.wait(o.pacerKey, o.signal);
          try {
            output = await client.send(
              new LookupEventsCommand({
                LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: eventName }],
                StartTime: o.startTime,
                EndTime: o.endTime,
                MaxResults: 50,
                ...(nextToken ? { NextToken: nextToken } : {}),
              }),
              { abortSignal: o.signal },
            );
          } catch (error) {
            if (o.signal.aborted) throw error;
            if (!isThrottle(error)) throw toLookupError(error, secrets, endpoint);
            if (++attempt > (o.maxThrottleRetries ?? 5)) throw new LookupError("throttled:cloudtrail");
            const retryInMs = Math.min(8000, (o.backoffBaseMs ?? 1000) * 2 ** (attempt - 1)) + Math.floor(Math.random() * 250);
            yield { type: "throttled", eventName, attempt, retryInMs, elapsedMs: elapsed() };
            await sleep(retryInMs, o.signal);
          }
        }
        const records = recordsOf(output);
        pages++;
        events += records.length;
        yield { type: "page", eventName, page: ++page, records, pages, events, elapsedMs: elapsed(), sentAtMs };
        nextToken = output.NextToken;
      } while (nextToken);
    }
    yield { type: "done", pages, events, elapsedMs: elapsed(), complete: true };
  } catch (error) {
    if (o.signal.aborted) return;
    const failure = error instanceof LookupError ? error : toLookupError(error, secrets, endpoint);
    yield { type: "error", code: failure.code, message: lookupMessage(failure), ...(failure.awsError ? { awsError: failure.awsError } : {}), pages, events, elapsedMs: elapsed() };
  } finally {
    client.destroy();
  }
}
