import type { HttpResult, RequestContext } from "../http/types";
import { authorizeRuntime, presentedCredentials } from "./authorize";
import { jsonReply, promptOf, sseReply, wantsJson } from "./echo-agent";
import { badSessionId, failureResult, NO_ROUTE, UNKNOWN_OPERATION, unencodedArn } from "./errors";
import type { JwtEnv } from "./jwt";
import { parseRuntimePath } from "./paths";
import { resolveRuntime, type AgentCoreRegistry } from "./registry";
import { agentFaultFailure } from "./agent-faults";
import { authorizeForUser, runtimeUserIdOf } from "./user-id";

/**
 * `POST /runtimes/{arn}/invocations?qualifier=…` (InvokeAgentRuntime; or `/runtimes/{runtimeId}/invocations?accountId=…`), in AgentCore's order:
 * route, runtime and endpoint, credentials (one kind per runtime), then the session id, then
 * the agent. The session id is optional (the SDKs generate one; without it the service uses a
 * new session, echoed back in the response header) but must be 33–256 characters when sent.
 * A SigV4 caller that names a user (X-Amzn-Bedrock-AgentCore-Runtime-User-Id) is also checked for
 * InvokeAgentRuntimeForUser; a runtime with an `agentFault` then answers with that fault.
 */

const SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id";
const INVOKE_ACTION = "bedrock-agentcore:InvokeAgentRuntime";

export async function handleInvocation(ctx: RequestContext, registry: AgentCoreRegistry, jwt: JwtEnv): Promise<HttpResult> {
  const path = parseRuntimePath(ctx.url.pathname);
  const qualifier = ctx.url.searchParams.get("qualifier") ?? "DEFAULT";
  if (path.kind === "unencoded") return failureResult(unencodedArn(path.rawArn, qualifier));
  if (path.kind === "unknown-operation") return failureResult(UNKNOWN_OPERATION);
  if (path.kind !== "invocations") return failureResult(NO_ROUTE);

  const resolved = resolveRuntime(registry, path.arn, qualifier, ctx.url);
  if (!resolved.ok) return failureResult(resolved.failure);
  const { runtime } = resolved;

  const presented = presentedCredentials(ctx.headers, ctx.url);
  const request = { runtime, qualifier, encodedArn: encodeURIComponent(runtime.arn), action: INVOKE_ACTION, presented };
  const auth = await authorizeRuntime(ctx, request, jwt);
  if (!auth.ok) return failureResult(auth.failure);

  // A user named with SigV4 needs InvokeAgentRuntimeForUser too (user-id.ts); a bearer caller's
  // user comes from its token, and the header is ignored (unconfirmed, see user-id.ts).
  const userId = runtimeUserIdOf(ctx.headers);
  if (userId !== undefined && presented.kind === "sigv4") {
    const denied = await authorizeForUser(ctx, runtime, qualifier);
    if (denied) return failureResult(denied);
  }

  const sent = ctx.headers[SESSION_HEADER];
  const sessionId = (Array.isArray(sent) ? sent[0] : sent) ?? `sandbox-session-${crypto.randomUUID()}`;
  const invalid = badSessionId(sessionId);
  if (invalid) return failureResult(invalid);
  // The scenario's agent fault answers once the call is authorized and well formed, as the runtime does.
  if (runtime.agentFault) return failureResult(agentFaultFailure(runtime.agentFault));

  const prompt = promptOf(ctx.body);
  const headers = { "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": sessionId };
  const accept = ctx.headers["accept"];
  if (wantsJson(Array.isArray(accept) ? accept.join(",") : accept)) {
    return { status: 200, body: jsonReply(prompt, sessionId, auth.caller, presented.kind === "sigv4" ? userId : undefined), headers };
  }
  return { status: 200, contentType: "text/event-stream", body: sseReply(prompt), headers };
}
