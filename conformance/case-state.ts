import { generate } from "otplib";
import type { Answer } from "./answer";
import { pathValue } from "./expect";

/**
 * What one case carries from step to step: values its `before` steps captured from their answers
 * (a challenge Session, an authenticator SecretCode), and the TOTP codes it has computed. A fresh
 * state per case keeps cases independent of the order they run in.
 */

/** RFC 6238 as Cognito's authenticator apps use it: 30-second steps, 6 digits, SHA-1 (otplib's defaults). */
const TOTP_PERIOD_SECONDS = 30;
/**
 * A code computed this close to the end of its step might reach the sandbox in the next one; a
 * case about clock skew would then test two steps of skew instead of one. Waiting for the next
 * step instead keeps the step the case means.
 */
const STEP_MARGIN_MS = 3_000;

/** How many steps earlier than now a TOTP placeholder's filter asks for. */
export const TOTP_FILTERS: Readonly<Record<string, number>> = { previous: 1, stale: 2 };

export class CaseState {
  readonly captured = new Map<string, string>();
  private readonly codes = new Map<string, Promise<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The code of `secret` for the current step, or `stepsBack` steps earlier. Computed once per
   * case and secret: a case that sends "the same code" twice (a reused code) sends the same digits
   * even if a step boundary passes between its calls.
   */
  totp(secret: string, stepsBack = 0): Promise<string> {
    const key = `${secret}|${stepsBack}`;
    let code = this.codes.get(key);
    if (!code) {
      code = this.computeTotp(secret, stepsBack);
      this.codes.set(key, code);
    }
    return code;
  }

  private async computeTotp(secret: string, stepsBack: number): Promise<string> {
    const periodMs = TOTP_PERIOD_SECONDS * 1000;
    const left = periodMs - (this.now() % periodMs);
    if (left < STEP_MARGIN_MS) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const epoch = Math.floor(this.now() / 1000) - stepsBack * TOTP_PERIOD_SECONDS;
    return generate({ secret, epoch, period: TOTP_PERIOD_SECONDS });
  }
}

/** Keeps the fields a `before` step names from its answer; a field the answer lacks stops the case. */
export function captureFields(answer: Answer, capture: Readonly<Record<string, string>>, state: CaseState, reserved: ReadonlySet<string>, step: string): void {
  for (const [name, path] of Object.entries(capture)) {
    // A captured value must not quietly stand in for a scenario placeholder of the same name.
    if (reserved.has(name)) throw new Error(`${step}: capture name ${name} is a built-in placeholder`);
    const value = pathValue(answer.json, path);
    if (typeof value !== "string" && typeof value !== "number") throw new Error(`${step} answered no ${path} to capture as ${name}`);
    state.captured.set(name, String(value));
  }
}
