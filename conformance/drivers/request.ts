import { answerFromHttp, type Answer } from "../answer";
import type { AwsJsonCall, HttpCall, SignSpec } from "../schema";
import type { Credentials, ScenarioContext } from "../scenario-context";
import { signPlain, type PlainRequest } from "../sign";
import { captureFields } from "../case-state";
import { reservedNames, resolveText, resolveValue, type ResolveOptions } from "../template";

/** Plain HTTP requests and AWS JSON 1.1 operations, optionally SigV4-signed by an outside signer. */

const TARGET_PREFIX: Record<AwsJsonCall["service"], { prefix: string; path: string }> = {
  // Target prefixes from the services' Smithy models (botocore data/<service>/…/service-2.json, metadata.targetPrefix).
  "cognito-idp": { prefix: "AWSCognitoIdentityProviderService", path: "" },
  "cognito-identity": { prefix: "AWSCognitoIdentityService", path: "/cognito-identity" },
  cloudtrail: { prefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", path: "/cloudtrail" },
};

export async function credentialsFor(spec: SignSpec, ctx: ScenarioContext, options: ResolveOptions): Promise<Credentials> {
  if (spec.credentials === "reader") return ctx.reader();
  return ctx.identityCredentials(spec.credentials, options.user);
}

export async function send(request: PlainRequest, sign: SignSpec | undefined, ctx: ScenarioContext, options: ResolveOptions): Promise<Answer> {
  const ready = sign ? await signPlain(request, sign, sign.region ?? ctx.region, await credentialsFor(sign, ctx, options)) : request;
  const response = await fetch(ready.url, {
    method: ready.method,
    headers: ready.headers,
    ...(ready.body !== undefined && ready.method !== "GET" ? { body: ready.body } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  return answerFromHttp(response.status, headers, await response.text());
}

async function buildHttp(call: HttpCall, ctx: ScenarioContext, options: ResolveOptions): Promise<PlainRequest> {
  const url = await resolveText(call.url, ctx, options);
  const headers = await resolveValue(call.headers, ctx, options);
  let body: string | undefined;
  if (typeof call.body === "string") body = await resolveText(call.body, ctx, options);
  else if (call.body) {
    body = JSON.stringify(await resolveValue(call.body, ctx, options));
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  }
  return { method: call.method, url, headers, ...(body !== undefined ? { body } : {}) };
}

/**
 * Runs a case's `before` calls in order; the first that answers other than it should (any status
 * below 400, or the `status` it names) stops the case with its answer. What a step `capture`s is
 * kept in the case's state for the steps and the call after it.
 */
async function runBefore(before: HttpCall["before"], ctx: ScenarioContext, options: ResolveOptions): Promise<void> {
  for (const [i, step] of (before ?? []).entries()) {
    const { capture, status, ...call } = step;
    const request = call.op === "http" ? await buildHttp({ ...call, before: undefined }, ctx, options) : await buildAwsJson({ ...call, before: undefined }, ctx, options);
    const answer = await send(request, call.sign, ctx, options);
    const expected = status === undefined ? answer.status < 400 : answer.status === status;
    if (!expected) throw new Error(`before[${i}] answered ${answer.status} ${answer.errorType ?? ""} ${answer.message ?? ""}`.trim());
    if (capture) {
      if (!options.state) throw new Error(`before[${i}] captures values, but the case has no state to keep them in`);
      captureFields(answer, capture, options.state, reservedNames(ctx), `before[${i}]`);
    }
  }
}

export async function runHttp(call: HttpCall, ctx: ScenarioContext, options: ResolveOptions): Promise<Answer> {
  await runBefore(call.before, ctx, options);
  const request = await buildHttp(call, ctx, options);
  if (call.waitMs) await new Promise((resolve) => setTimeout(resolve, call.waitMs));
  return send(request, call.sign, ctx, options);
}

async function buildAwsJson(call: AwsJsonCall, ctx: ScenarioContext, options: ResolveOptions): Promise<PlainRequest> {
  const { prefix, path } = TARGET_PREFIX[call.service];
  return {
    method: "POST",
    url: `${ctx.base}${path}/`,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `${prefix}.${call.operation}` },
    body: JSON.stringify(await resolveValue(call.input, ctx, options)),
  };
}

export async function runAwsJson(call: AwsJsonCall, ctx: ScenarioContext, options: ResolveOptions): Promise<Answer> {
  await runBefore(call.before, ctx, options);
  const request = await buildAwsJson(call, ctx, options);
  // Signed again for each send, as a client retrying would; only the last answer counts.
  for (let i = 1; i < (call.repeat ?? 1); i++) await send(request, call.sign, ctx, options);
  return send(request, call.sign, ctx, options);
}
