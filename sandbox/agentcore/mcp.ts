import type { HttpResult } from "../http/types";
import type { GatewayRecord } from "./registry";

/**
 * The gateway's MCP side (streamable HTTP, JSON-RPC 2.0): initialize, ping, tools/list and
 * tools/call over the one target's tools, named `{target}___{tool}` as AgentCore names them
 * (seed 003: "echo-tool___echo", "echo-tool___ping"). AgentCore Gateway supports MCP 2025-06-18
 * and 2025-03-26 (devguide gateway-using). The answer is JSON unless the client accepts only
 * `text/event-stream`; AWS's own curl examples send no Accept header and get JSON.
 */

const VERSIONS = ["2025-06-18", "2025-03-26"];

export type RpcId = string | number | null;

export const rpcError = (id: RpcId, code: number, message: string) => ({ jsonrpc: "2.0", id, error: { code, message } });

const TOOL_INFO = {
  echo: {
    description: "Echoes the given text back.",
    inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
  },
  ping: { description: "Answers pong.", inputSchema: { type: "object", properties: {} } },
} as const;

type Delivery = "json" | "sse" | "refuse";

/** JSON unless only SSE is acceptable; a client accepting neither is refused (406). */
export function deliveryFor(accept: string | undefined): Delivery {
  const value = (accept ?? "").toLowerCase();
  if (value === "" || value.includes("application/json") || value.includes("*/*")) return "json";
  return value.includes("text/event-stream") ? "sse" : "refuse";
}

export function respond(status: number, payload: unknown, delivery: Delivery, headers: Record<string, string> = {}): HttpResult {
  if (delivery === "sse") return { status, contentType: "text/event-stream", body: `event: message\ndata: ${JSON.stringify(payload)}\n\n`, headers };
  return { status, body: payload, headers };
}

/** Runs one JSON-RPC message; undefined for a notification (answered 202 with no body). */
export function runRpc(gateway: GatewayRecord, message: Record<string, unknown>): unknown {
  const id = (typeof message["id"] === "string" || typeof message["id"] === "number" ? message["id"] : null) as RpcId;
  if (message["jsonrpc"] !== "2.0" || typeof message["method"] !== "string") return rpcError(id, -32600, "Invalid Request");
  if (!("id" in message)) return undefined;
  const params = (message["params"] ?? {}) as Record<string, unknown>;
  switch (message["method"]) {
    case "initialize": {
      const asked = typeof params["protocolVersion"] === "string" ? params["protocolVersion"] : "";
      return {
        jsonrpc: "2.0",
        id,
        result: {
          protocolVersion: VERSIONS.includes(asked) ? asked : VERSIONS[0],
          capabilities: { tools: { listChanged: false } },
          serverInfo: { name: gateway.id, version: "1.0.0" },
        },
      };
    }
    case "ping":
      return { jsonrpc: "2.0", id, result: {} };
    case "tools/list":
      return {
        jsonrpc: "2.0",
        id,
        result: { tools: gateway.tools.map((tool) => ({ name: `${gateway.targetName}___${tool}`, ...TOOL_INFO[tool] })) },
      };
    case "tools/call":
      return callTool(gateway, id, params);
    default:
      return rpcError(id, -32601, `Method not found: ${message["method"]}`);
  }
}

function callTool(gateway: GatewayRecord, id: RpcId, params: Record<string, unknown>) {
  const name = typeof params["name"] === "string" ? params["name"] : "";
  const tool = gateway.tools.find((t) => `${gateway.targetName}___${t}` === name);
  // Unconfirmed: AgentCore's wording for an unknown tool.
  if (!tool) return rpcError(id, -32602, `Unknown tool: ${name}`);
  const args = (params["arguments"] ?? {}) as Record<string, unknown>;
  const text = tool === "ping" ? "pong" : String(args["text"] ?? "");
  return { jsonrpc: "2.0", id, result: { isError: false, content: [{ type: "text", text }] } };
}
