import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, type AwsAnswer } from "../../lib/errors";
import { UNCONFIRMED_WORDING_HEADER } from "../../lib/http/unconfirmed-wording";

/**
 * AWS JSON protocol plumbing shared by every JSON-RPC service in the sandbox.
 *
 * Error shape, as captured from real Cognito responses (localstack/localstack#3201,
 * aws-amplify/amplify-swift#3344):
 *   HTTP 400
 *   x-amzn-ErrorType: NotAuthorizedException:
 *   x-amzn-ErrorMessage: Incorrect username or password.
 *   x-amzn-RequestId: <uuid>
 *   {"__type":"NotAuthorizedException","message":"Incorrect username or password."}
 * The trailing colon in x-amzn-ErrorType is real (Coral leaves the fault URI after it empty
 * for Cognito); SDKs cut the header at ':' and '#' to get the error name.
 */

export const AMZ_JSON_1_1 = "application/x-amz-json-1.1";
const JSON_UTF8 = "application/json; charset=utf-8";

/** Requests larger than this are refused; Cognito's own bodies are a few kilobytes. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * An AWS JSON-protocol error answer. Code `aws:json-protocol` (lib/errors): the status and the
 * words are AWS's, carried in `answer`; `__type` goes on the wire exactly as given.
 */
export class AwsError extends AppError {
  declare readonly code: "aws:json-protocol";
  declare readonly answer: AwsAnswer;
  /**
   * What no public source confirms about this answer's words, sent as x-sandbox-unconfirmed
   * (lib/http/unconfirmed-wording.ts) so the dashboard labels it "Not confirmed".
   */
  unconfirmed?: string;
  constructor(
    /** `__type`, e.g. `NotAuthorizedException` or `com.amazon.coral.service#UnknownOperationException`. */
    readonly errorType: string,
    message?: string,
    status = 400,
    /** Coral's serialization errors spell the key `Message`; service errors use `message`. */
    readonly messageKey: "message" | "Message" = "message",
  ) {
    super("aws:json-protocol", message ?? "", { status, errorType, ...(message ? { message } : {}) });
    this.name = errorType.split("#").pop() ?? errorType;
  }

  /** True when the error carries a human message (UnknownOperationException has none). */
  get hasMessage(): boolean {
    return this.message.length > 0;
  }
}

/** Header values must be Latin-1 without control characters, or Node throws. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?");
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType: string = JSON_UTF8,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.from(JSON.stringify(body), "utf8");
  res.writeHead(status, {
    ...headers,
    "Content-Type": contentType,
    "Content-Length": String(payload.length),
  });
  res.end(payload);
}

export function sendAwsError(res: ServerResponse, error: AwsError, contentType: string = AMZ_JSON_1_1): void {
  const body: Record<string, string> = { __type: error.errorType };
  const headers: Record<string, string> = { "x-amzn-ErrorType": `${error.name}:` };
  if (error.hasMessage) {
    body[error.messageKey] = error.message;
    headers["x-amzn-ErrorMessage"] = headerSafe(error.message);
  }
  if (error.unconfirmed) headers[UNCONFIRMED_WORDING_HEADER] = headerSafe(error.unconfirmed);
  sendJson(res, error.status, body, contentType, headers);
  sentErrors.set(res, error.name);
}

const sentErrors = new WeakMap<ServerResponse, string>();

/** The AWS error name sent on this response, if any: for the request log. */
export function sentErrorType(res: ServerResponse): string | undefined {
  return sentErrors.get(res);
}

/** Reads the whole body, refusing oversized ones. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new AwsError("SerializationException", "Request body is too large", 413, "Message");
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses a JSON-RPC body. An empty body is an empty structure (Coral then reports the missing
 * members); anything that is not a JSON object is a SerializationException.
 * (Unconfirmed: the exact Coral text for unparsable JSON; we send the type with no message,
 * which is what aws-amplify users report seeing: amplify-js#6014.)
 */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  const text = raw.toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AwsError("SerializationException");
  }
  if (Array.isArray(value)) {
    throw new AwsError("SerializationException", "Start of list found where not expected", 400, "Message");
  }
  if (value === null || typeof value !== "object") throw new AwsError("SerializationException");
  return value as Record<string, unknown>;
}
