/** Turning a fetch Response into the recorded ExchangeResponse, with the display cap. */
import { readCappedText } from "./read-body";
import { MAX_SHOWN_BODY_BYTES, type ExchangeResponse } from "./types";

export function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Throws if the body breaks off; the caller words that for its path. */
export async function recordResponse(response: Response): Promise<ExchangeResponse> {
  const { text, truncated } = await readCappedText(response.body, MAX_SHOWN_BODY_BYTES);
  const declared = response.headers.get("content-length");
  const note = truncated
    ? `\n\n[truncated: showing the first ${MAX_SHOWN_BODY_BYTES / 1024} KB of ${declared ? `${declared} bytes` : "a longer answer"}]`
    : "";
  return {
    status: response.status,
    statusText: response.statusText,
    headers: headerRecord(response.headers),
    body: text + note,
    truncated,
  };
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
