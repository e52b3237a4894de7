import { generateSecret, verify } from "otplib";

/**
 * RFC 6238 codes for authenticator apps, as Cognito checks them: SHA-1, 6 digits, 30-second
 * steps, and one step early or late accepted for clock skew ("Amazon Cognito also accepts TOTP
 * tokens that are one 30-second window early or late",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html).
 * A code works once: a second use in the same step is refused (see errors.totpCodeReused).
 */

const PERIOD_SECONDS = 30;

/**
 * A new shared secret for AssociateSoftwareToken. The model only says base32-ish
 * ([A-Za-z0-9]+, at least 16 characters); 32 random bytes give the 52-character secrets
 * authenticator apps are usually handed (inferred: length not confirmed).
 */
export function newTotpSecret(): string {
  return generateSecret({ length: 32 });
}

type TotpCheck = { result: "ok"; step: number } | { result: "wrong" } | { result: "reused" };

/**
 * Checks a code at `nowMs`. `lastStep` is the step of the code last accepted for this
 * authenticator; a code from that step or an earlier one is "reused".
 */
export async function checkTotp(secret: string, code: string, nowMs: number, lastStep?: number): Promise<TotpCheck> {
  if (!/^[0-9]{6}$/.test(code)) return { result: "wrong" };
  const checked = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    period: PERIOD_SECONDS,
    epochTolerance: PERIOD_SECONDS,
  });
  // The functional API also serves HOTP; a TOTP result carries the step it matched.
  if (!checked.valid || !("timeStep" in checked)) return { result: "wrong" };
  if (lastStep !== undefined && checked.timeStep <= lastStep) return { result: "reused" };
  return { result: "ok", step: checked.timeStep };
}
