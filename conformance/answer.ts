/**
 * An AWS answer in one shape, whatever the protocol: JSON 1.1 (`__type` + `message`), REST JSON
 * (`x-amzn-ErrorType` + `{"message"}`), the query protocol's XML (`<Code>`, `<Message>`), AppSync's
 * `errors[0]`, JSON-RPC's `error`, a CloudTrail record's `errorCode`/`errorMessage`, or a
 * WebSocket's frames and close.
 */

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body (or the record, or `{frames, close}` for a WebSocket); null when not JSON. */
  json: unknown;
  text: string;
  errorType?: string;
  message?: string;
}

const xmlTag = (text: string, tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(text)?.[1];

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** `com.amazonaws.x#NotAuthorizedException` or `NotAuthorizedException:http://…` → `NotAuthorizedException`. */
const bareErrorType = (value: string) => value.split("#").pop()!.split(":")[0]!.trim();

function fromJson(json: unknown): { errorType?: string; message?: string } {
  if (!json || typeof json !== "object") return {};
  const o = json as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const errors = Array.isArray(o.errors) ? (o.errors[0] as Record<string, unknown> | undefined) : undefined;
  const rpc = o.error && typeof o.error === "object" ? (o.error as Record<string, unknown>) : undefined;
  const type = str(o.__type) ?? str(o.errorCode) ?? str(errors?.errorType) ?? str(o.code);
  const message = str(o.message) ?? str(o.Message) ?? str(o.errorMessage) ?? str(errors?.message) ?? str(rpc?.message);
  return { ...(type ? { errorType: bareErrorType(type) } : {}), ...(message !== undefined ? { message } : {}) };
}

export function answerFromHttp(status: number, headers: Record<string, string>, text: string): Answer {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // XML, an event stream or plain text
  }
  const parsed = fromJson(json);
  const headerType = headers["x-amzn-errortype"];
  let errorType = headerType ? bareErrorType(headerType) : parsed.errorType;
  let message = parsed.message ?? headers["x-amzn-errormessage"];
  if (json === null && text.trimStart().startsWith("<")) {
    const code = xmlTag(text, "Code");
    const xmlMessage = xmlTag(text, "Message");
    if (code) errorType = code;
    if (xmlMessage !== undefined) message = unescapeXml(xmlMessage);
  }
  return { status, headers, json, text, ...(errorType ? { errorType } : {}), ...(message !== undefined ? { message } : {}) };
}

export function answerFromRecord(record: Record<string, unknown>): Answer {
  return { status: 200, headers: {}, json: record, text: JSON.stringify(record), ...fromJson(record) };
}

export function answerFromJson(status: number, json: unknown): Answer {
  return { status, headers: {}, json, text: JSON.stringify(json), ...fromJson(json) };
}

/**
 * An accepted WebSocket: `{frames, close}`, with the first error frame's `errors[0]` (AppSync's
 * `connection_error` / `error`, which carry `payload.errors`) as the answer's error type and message.
 */
export function answerFromFrames(frames: unknown[], close: { code: number; reason: string } | null): Answer {
  const json = { frames, close };
  const failed = frames.find((f): f is { payload?: unknown } => {
    const type = (f as { type?: unknown } | null)?.type;
    return type === "connection_error" || type === "error";
  });
  return { status: 101, headers: {}, json, text: JSON.stringify(json), ...(failed ? fromJson(failed.payload) : {}) };
}
