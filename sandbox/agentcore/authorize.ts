import { awsErrorFor, verifySignature } from "../sigv4";
import { AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS } from "../../lib/sigv4/presign";
import type { RequestContext } from "../http/types";
import { authorizeIamRequest } from "../iam/authorize";
import { iamStateFor } from "../iam/state";
import { METHOD_MISMATCH, missingBearer, UNPARSABLE_BEARER, type AgentCoreFailure } from "./errors";
import { checkBearer, type JwtEnv } from "./jwt";
import { runtimeEndpointArn, type RuntimeRecord } from "./registry";

/**
 * Who is calling a runtime, decided the way AgentCore decides it: a runtime accepts exactly one
 * kind of credential. SigV4 at a CUSTOM_JWT runtime, or a bearer token at an AWS_IAM one, is
 * refused as an "Authorization method mismatch" before anything is verified.
 */

type Presented =
  | { kind: "sigv4"; presigned: boolean }
  | { kind: "bearer"; token: string }
  /** No Authorization header, or one that is neither (a raw JWT, "Basic …"): no usable token. */
  | { kind: "none" };

export function presentedCredentials(headers: RequestContext["headers"], url: URL, subprotocolToken?: string): Presented {
  const auth = headers["authorization"];
  const value = (Array.isArray(auth) ? auth[0] : auth)?.trim() ?? "";
  if (/^AWS4-HMAC-SHA256\s/i.test(value)) return { kind: "sigv4", presigned: false };
  if (url.searchParams.has("X-Amz-Algorithm") || url.searchParams.has("X-Amz-Signature")) return { kind: "sigv4", presigned: true };
  // "Bearer " with nothing after it still names the scheme: AgentCore tries to parse the empty
  // token (TerrifiedBug/mcp-remote:FORK.md saw a credential-less Bearer refused as unparsable).
  const bearer = /^Bearer(?:\s+(.*))?$/i.exec(value);
  if (bearer) return { kind: "bearer", token: (bearer[1] ?? "").trim() };
  if (subprotocolToken !== undefined) return { kind: "bearer", token: subprotocolToken };
  return { kind: "none" };
}

type RuntimeAuth = { ok: true; caller: string } | { ok: false; failure: AgentCoreFailure };

interface RuntimeRequest {
  runtime: RuntimeRecord;
  qualifier: string;
  encodedArn: string;
  /** `bedrock-agentcore:InvokeAgentRuntime` or `…:InvokeAgentRuntimeWithWebSocketStream`. */
  action: string;
  presented: Presented;
}

export async function authorizeRuntime(ctx: RequestContext, request: RuntimeRequest, jwt: JwtEnv): Promise<RuntimeAuth> {
  const { runtime, presented } = request;
  if (runtime.authorizer.type === "CUSTOM_JWT") {
    if (presented.kind === "sigv4") return { ok: false, failure: METHOD_MISMATCH };
    const missing = missingBearer(ctx.baseUrl, request.encodedArn, request.qualifier);
    if (presented.kind === "none") return { ok: false, failure: missing };
    const outcome = await checkBearer(presented.token, runtime.authorizer, jwt, "runtime");
    if (outcome.ok) return { ok: true, caller: outcome.detail };
    return { ok: false, failure: outcome.unreadable ? UNPARSABLE_BEARER : outcome.failure };
  }
  if (presented.kind === "bearer") return { ok: false, failure: METHOD_MISMATCH };
  if (presented.kind === "sigv4" && presented.presigned) {
    const tooLong = await presignLimit(ctx, runtime.region);
    if (tooLong) return { ok: false, failure: tooLong };
  }
  // AWS authorizes the runtime and the endpoint it reaches; a policy on the runtime ARN alone is
  // refused (aws-cdk #35864; aws-samples/remote-swe-agents #413 adds runtime-endpoint/DEFAULT).
  let caller = "";
  for (const resource of [runtime.arn, runtimeEndpointArn(runtime.arn, request.qualifier)]) {
    const result = await authorizeIamRequest(ctx, {
      service: "bedrock-agentcore",
      region: runtime.region,
      action: request.action,
      resource,
      ...(runtime.resourcePolicy ? { resourcePolicy: runtime.resourcePolicy } : {}),
      family: "json",
    });
    if (!result.ok) return { ok: false, failure: { status: result.status, errorType: result.errorType, message: result.message } };
    caller = `AWS_IAM: ${result.caller.assumedRoleArn}${result.caller.identityId ? `, Cognito identity ${result.caller.identityId}` : ""}`;
  }
  return { ok: true, caller };
}

/**
 * AgentCore accepts presigned URLs valid for 300 s at most (AgentCoreRuntimeClient's
 * MAX_PRESIGNED_URL_TIMEOUT). The shared IAM check applies SigV4's one-week ceiling, so the
 * tighter limit is checked here with the same verifier before the policy is evaluated.
 */
async function presignLimit(ctx: RequestContext, region: string): Promise<AgentCoreFailure | undefined> {
  const state = iamStateFor(ctx);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
  const verified = await verifySignature(
    { method: ctx.method, url: ctx.url.href, headers, body: ctx.body },
    {
      lookupCredentials: (id) => state?.credentials.lookup(id),
      now: new Date(state?.now() ?? Date.now()),
      expectedService: "bedrock-agentcore",
      expectedRegion: region,
      maxPresignExpiresSeconds: AGENTCORE_MAX_PRESIGN_EXPIRES_SECONDS,
    },
  );
  if (verified.ok || verified.code !== "InvalidExpires") return undefined;
  const wire = awsErrorFor(verified, "json");
  return { status: wire.status, errorType: wire.errorType, message: wire.message };
}
