/**
 * Faults a test or a demo can switch on, to see how the dashboard behaves when AWS is slow:
 * `POST /_sandbox/faults {"delayMs": 3000}` delays every AWS answer (not /_sandbox itself);
 * `{"delayMs": 0}` switches it off. Bounded, so a typo cannot hang a run for hours.
 */
export interface Faults {
  delayMs: number;
}

export const MAX_DELAY_MS = 60_000;

export function createFaults(): Faults {
  return { delayMs: 0 };
}

export function applyFaultSettings(faults: Faults, body: Buffer): { ok: true; faults: Faults } | { ok: false; message: string } {
  let input: unknown;
  try {
    input = JSON.parse(body.toString("utf8") || "{}");
  } catch {
    return { ok: false, message: "expected JSON like {\"delayMs\": 3000}" };
  }
  const delay = (input as { delayMs?: unknown })?.delayMs;
  if (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0 || delay > MAX_DELAY_MS) {
    return { ok: false, message: `delayMs must be a number from 0 to ${MAX_DELAY_MS}` };
  }
  faults.delayMs = Math.round(delay);
  return { ok: true, faults };
}
