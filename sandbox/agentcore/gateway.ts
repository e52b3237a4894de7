import type { HttpResult, RequestContext, Route, SandboxService } from "../http/types";
import { gatewayRefusal } from "../../lib/tokens";
import { authorizeIamRequest } from "../iam/authorize";
import { presentedCredentials } from "./authorize";
import type { JwtEnv } from "./jwt";
import { checkBearer } from "./jwt";
import { deliveryFor, respond, rpcError, runRpc, type RpcId } from "./mcp";
import { protectedResource } from "./metadata";
import type { AgentCoreRegistry, GatewayRecord } from "./registry";

/**
 * AgentCore Gateway's MCP endpoint, `https://{id}.gateway.bedrock-agentcore.{region}.amazonaws.com/mcp`,
 * served at `/agentcore-gateway/{id}/mcp`. A CUSTOM_JWT gateway refuses a missing token and a
 * token whose claims do not match its configuration the same way: HTTP 401 "Invalid Bearer token"
 * (awslabs/amazon-bedrock-agentcore-samples 02-use-cases/04-SRE-agent/docs/auth.md), as JSON-RPC
 * error -32001 (BharatDeepanTR/enhanced-it-helpdesk-mcp-server AUTHENTICATION-TROUBLESHOOTING.md).
 * It does not name the failing claim. For failures other than a claim mismatch (expiry, scope,
 * custom claims, issuer, signature) the same answer is unconfirmed. The WWW-Authenticate
 * challenge (`Bearer error="invalid_token", resource_metadata=…`) is unconfirmed. AWS_IAM gateways
 * take SigV4 for `bedrock-agentcore:InvokeGateway` on the gateway ARN. No public source shows the
 * gateway answering browser preflights, so this service is CORS-closed and the dashboard offers
 * its relay.
 */

type Auth = { ok: true } | { ok: false; status: number; errorType: string; message: string; headers?: Record<string, string> };

async function authorize(gateway: GatewayRecord, ctx: RequestContext, jwt: JwtEnv): Promise<Auth> {
  const presented = presentedCredentials(ctx.headers, ctx.url);
  if (gateway.authorizer.type === "AWS_IAM") {
    const action = "bedrock-agentcore:InvokeGateway";
    const result = await authorizeIamRequest(ctx, { service: "bedrock-agentcore", region: gateway.region, action, resource: gateway.arn, family: "json" });
    return result.ok ? { ok: true } : { ok: false, status: result.status, errorType: result.errorType, message: result.message };
  }
  const scope = gateway.authorizer.allowedScopes?.length ? `, scope="${gateway.authorizer.allowedScopes.join(" ")}"` : "";
  const challenge = `Bearer error="invalid_token"${scope}, resource_metadata="${ctx.baseUrl}/agentcore-gateway/${gateway.id}/.well-known/oauth-protected-resource"`;
  const invalid: Auth = { ok: false, status: 401, errorType: "UnauthorizedException", message: gatewayRefusal(true).message, headers: { "WWW-Authenticate": challenge } };
  if (presented.kind !== "bearer") return invalid;
  const outcome = await checkBearer(presented.token, gateway.authorizer, jwt, "gateway");
  return outcome.ok ? { ok: true } : invalid;
}

async function handleMcp(gateway: GatewayRecord, ctx: RequestContext, jwt: JwtEnv): Promise<HttpResult> {
  const accept = ctx.headers["accept"];
  const delivery = deliveryFor(Array.isArray(accept) ? accept.join(",") : accept);
  let message: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(ctx.body.toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) message = parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  const id = (message && (typeof message["id"] === "string" || typeof message["id"] === "number") ? message["id"] : null) as RpcId;
  const auth = await authorize(gateway, ctx, jwt);
  if (!auth.ok) {
    return respond(auth.status, rpcError(id, -32001, auth.message), delivery === "sse" ? "sse" : "json", { ...auth.headers, "x-amzn-ErrorType": auth.errorType });
  }
  if (delivery === "refuse") return respond(406, rpcError(id, -32000, "Not Acceptable: Client must accept application/json or text/event-stream"), "json");
  if (!message) return respond(400, rpcError(null, -32700, "Parse error"), delivery);
  const answer = runRpc(gateway, message);
  if (answer === undefined) return { status: 202, contentType: "application/json", body: "" };
  return respond(200, answer, delivery);
}

export function createAgentCoreGateway(registry: AgentCoreRegistry, jwtEnv: (baseUrl: string) => JwtEnv): SandboxService {
  const notFound = (id: string): HttpResult => ({ status: 404, body: { message: `No gateway ${id} in the sandbox's scenarios.` } });
  const routes: Route[] = [
    {
      method: "POST",
      path: /^\/agentcore-gateway\/([^/]+)\/mcp$/,
      async handle([id = ""], ctx) {
        const gateway = registry.gateway(id);
        return gateway ? handleMcp(gateway, ctx, jwtEnv(ctx.baseUrl)) : notFound(id);
      },
    },
    {
      // MCP's streamable HTTP transport: a server that offers no server-initiated stream answers
      // GET with 405 (MCP specification 2025-06-18, "Listening for Messages from the Server"), and
      // MCP clients open that GET after initializing. Unconfirmed that AgentCore answers exactly so.
      method: "GET",
      path: /^\/agentcore-gateway\/([^/]+)\/mcp$/,
      async handle([id = ""]) {
        if (!registry.gateway(id)) return notFound(id);
        return { status: 405, body: rpcError(null, -32000, "Method not allowed."), headers: { Allow: "POST" } };
      },
    },
    {
      method: "GET",
      path: /^\/agentcore-gateway\/([^/]+)\/\.well-known\/oauth-protected-resource$/,
      async handle([id = ""], ctx) {
        const gateway = registry.gateway(id);
        if (!gateway) return notFound(id);
        return protectedResource(`${ctx.baseUrl}/agentcore-gateway/${id}/mcp`, gateway.authorizer, ctx.baseUrl);
      },
    },
  ];
  return { name: "agentcore-gateway", cors: "closed", routes };
}
