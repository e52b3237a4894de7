/**
 * Reading AgentCore's answers. Runtime errors are native HTTP: the status, `x-amzn-ErrorType`
 * and `{"message": …}` (devguide runtime-http-protocol-contract). Gateway answers are JSON-RPC,
 * successful or not, possibly wrapped in one server-sent event (MCP streamable HTTP).
 */

export interface Verdict {
  ok: boolean;
  errorType?: string;
  message?: string;
}

/** `AccessDeniedException:http://internal.amazon.com/…` → `AccessDeniedException`. */
const errorTypeName = (header: string | undefined) => header?.split(/[:#]/).filter(Boolean)[0];

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function interpretRuntimeResponse(status: number, body: string, headers: Record<string, string>): Verdict {
  if (status >= 200 && status < 300) return { ok: true };
  const json = jsonOf(body) as { message?: unknown; Message?: unknown } | undefined;
  const message = typeof json?.message === "string" ? json.message : typeof json?.Message === "string" ? json.Message : body.trim() || undefined;
  const errorType = errorTypeName(headers["x-amzn-errortype"]);
  return { ok: false, ...(errorType ? { errorType } : {}), ...(message ? { message } : {}) };
}

/** The JSON-RPC message in a gateway answer: plain JSON, or the `data:` of an SSE event. */
function gatewayMessage(body: string): Record<string, unknown> | undefined {
  const direct = jsonOf(body);
  if (direct && typeof direct === "object") return direct as Record<string, unknown>;
  const data = body
    .split(/\r?\n/)
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).trimStart())
    .join("\n");
  const fromSse = jsonOf(data);
  return fromSse && typeof fromSse === "object" ? (fromSse as Record<string, unknown>) : undefined;
}

export function interpretGatewayResponse(status: number, body: string, headers: Record<string, string>): Verdict & { toolNames?: string[] } {
  const message = gatewayMessage(body);
  const error = message?.["error"] as { code?: number; message?: string } | undefined;
  const errorType = errorTypeName(headers["x-amzn-errortype"]);
  if (status >= 200 && status < 300 && !error) {
    const tools = (message?.["result"] as { tools?: { name?: unknown }[] } | undefined)?.tools;
    const toolNames = tools?.map((t) => String(t.name));
    return { ok: true, ...(toolNames ? { toolNames } : {}) };
  }
  const text = error?.message ?? (typeof message?.["message"] === "string" ? (message["message"] as string) : body.trim() || undefined);
  return {
    ok: false,
    ...(errorType ? { errorType } : error?.code !== undefined ? { errorType: `JSON-RPC ${error.code}` } : {}),
    ...(text ? { message: text } : {}),
  };
}
