import { z } from "zod";

/**
 * Faults a test or a demo can switch on, to see how the dashboard behaves when AWS misbehaves.
 * `POST /_sandbox/faults` with any of the fields below changes those and keeps the others;
 * zeros switch each one off. Every value is bounded, so a typo cannot hang a run for hours.
 *
 *   delayMs                   delay every AWS answer, WebSocket handshakes included (not /_sandbox)
 *   dropWebSocketAfterFrames  end each WebSocket (AppSync realtime, AgentCore streams) after the
 *                             sandbox has sent that many frames on it, with closeCode/closeReason;
 *                             closeCode 1006 drops the connection without a close frame
 *   tokenTtlSeconds           ID and access tokens issued from now on expire after that many
 *                             seconds (test only: real Cognito's minimum is 5 minutes)
 */
export interface Faults {
  delayMs: number;
  dropWebSocketAfterFrames: number;
  closeCode: number;
  closeReason: string;
  tokenTtlSeconds: number;
}

const MAX_DELAY_MS = 60_000;
const MAX_DROP_AFTER_FRAMES = 10_000;
const MAX_TOKEN_TTL_SECONDS = 86_400;
/** Not a code anyone may send: the one a client reports when the connection just went away. */
export const ABNORMAL_CLOSURE = 1006;
/** A close frame's reason must fit in 123 bytes of UTF-8 (RFC 6455, 5.5). */
const MAX_REASON_BYTES = 123;

export function createFaults(): Faults {
  return { delayMs: 0, dropWebSocketAfterFrames: 0, closeCode: 1011, closeReason: "sandbox fault: stream dropped", tokenTtlSeconds: 0 };
}

/** Close codes an endpoint may send (RFC 6455, 7.4), plus 1006 for "drop without a close frame". */
const sendableCloseCode = (code: number) =>
  code === ABNORMAL_CLOSURE || (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005) || (code >= 3000 && code <= 4999);

const settingsSchema = z
  .object({
    delayMs: z.number({ message: `delayMs must be a number from 0 to ${MAX_DELAY_MS}` }).min(0).max(MAX_DELAY_MS),
    dropWebSocketAfterFrames: z
      .number({ message: `dropWebSocketAfterFrames must be a whole number from 0 to ${MAX_DROP_AFTER_FRAMES}` })
      .int()
      .min(0)
      .max(MAX_DROP_AFTER_FRAMES),
    closeCode: z.number({ message: "closeCode must be a WebSocket close code" }).int().refine(sendableCloseCode),
    closeReason: z
      .string({ message: "closeReason must be text" })
      .refine((reason) => Buffer.byteLength(reason, "utf8") <= MAX_REASON_BYTES, `closeReason must fit in ${MAX_REASON_BYTES} bytes`),
    tokenTtlSeconds: z
      .number({ message: `tokenTtlSeconds must be a whole number from 0 to ${MAX_TOKEN_TTL_SECONDS}` })
      .int()
      .min(0)
      .max(MAX_TOKEN_TTL_SECONDS),
  })
  .partial()
  .strict();

/** Range and type problems keep the message of the field's own type check. */
const FIELD_MESSAGES: Record<string, string> = {
  delayMs: `delayMs must be a number from 0 to ${MAX_DELAY_MS}`,
  dropWebSocketAfterFrames: `dropWebSocketAfterFrames must be a whole number from 0 to ${MAX_DROP_AFTER_FRAMES}`,
  closeCode: "closeCode must be 1000–1014 (not 1004 or 1005), 3000–4999, or 1006 to drop the connection without a close frame",
  tokenTtlSeconds: `tokenTtlSeconds must be a whole number from 0 to ${MAX_TOKEN_TTL_SECONDS}`,
};

export function applyFaultSettings(faults: Faults, body: Buffer): { ok: true; faults: Faults } | { ok: false; message: string } {
  let input: unknown;
  try {
    input = JSON.parse(body.toString("utf8") || "{}");
  } catch {
    return { ok: false, message: "expected JSON like {\"delayMs\": 3000}" };
  }
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") return `unknown setting ${issue.keys.join(", ")}; known: ${Object.keys(settingsSchema.shape).join(", ")}`;
      const field = issue.path[0];
      if (field === undefined) return "expected a JSON object like {\"delayMs\": 3000}";
      return FIELD_MESSAGES[String(field)] ?? issue.message;
    });
    return { ok: false, message: [...new Set(messages)].join("; ") };
  }
  const settings = parsed.data;
  if (settings.delayMs !== undefined) settings.delayMs = Math.round(settings.delayMs);
  Object.assign(faults, settings);
  return { ok: true, faults };
}
