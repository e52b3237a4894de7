import type { Answer } from "./answer";
import { CaseState } from "./case-state";
import { runClaims } from "./drivers/claims";
import { runCloudTrailRecord } from "./drivers/cloudtrail-record";
import { runAwsJson, runHttp } from "./drivers/request";
import { runWebSocket } from "./drivers/websocket";
import { differences } from "./expect";
import { predictionDifferences } from "./predict";
import type { ConformanceCase } from "./schema";
import type { ScenarioContext } from "./scenario-context";
import { resolveValue, type ResolveOptions } from "./template";

export interface CaseResult {
  case: ConformanceCase;
  ok: boolean;
  problems: string[];
  answer?: Answer;
}

async function call(c: ConformanceCase, ctx: ScenarioContext, options: ResolveOptions): Promise<Answer | undefined> {
  const op = c.call;
  switch (op.op) {
    case "http":
      return runHttp(op, ctx, options);
    case "aws-json":
      return runAwsJson(op, ctx, options);
    case "websocket":
      return runWebSocket(op, ctx, options);
    case "claims":
      return runClaims(op.token, ctx, options);
    case "cloudtrail-record":
      return runCloudTrailRecord(op.before, op.eventName, ctx, options);
    case "none":
      return undefined;
  }
}

/** Sets the case's sandbox faults for its duration (the sandbox's own /_sandbox/faults API). */
async function withFaults<T>(base: string, faults: Record<string, number> | undefined, body: () => Promise<T>): Promise<T> {
  if (!faults) return body();
  const post = (settings: Record<string, number>) =>
    fetch(`${base}/_sandbox/faults`, { method: "POST", body: JSON.stringify(settings) }).then((r) => {
      if (!r.ok) throw new Error(`faults ${JSON.stringify(settings)} refused: ${r.status}`);
    });
  await post(faults);
  try {
    return await body();
  } finally {
    await post(Object.fromEntries(Object.keys(faults).map((k) => [k, 0])));
  }
}

export async function runCase(c: ConformanceCase, ctx: ScenarioContext): Promise<CaseResult> {
  // A fresh state per case: what one case's steps captured never leaks into another.
  const options: ResolveOptions = { ...(c.user ? { user: c.user } : {}), ...(c.faults ? { sessionKey: c.id } : {}), state: new CaseState() };
  try {
    return await withFaults(ctx.base, c.faults, async () => {
      const answer = await call(c, ctx, options);
      // Expectations may name scenario values too (an issuer URL holds the sandbox's port).
      const problems = answer ? differences(answer, await resolveValue(c.expect, ctx, options)) : [];
      problems.push(...(await predictionDifferences(c, ctx, options)));
      return { case: c, ok: problems.length === 0, problems, ...(answer ? { answer } : {}) };
    });
  } catch (error) {
    return { case: c, ok: false, problems: [`could not run: ${(error as Error).message}`] };
  }
}
