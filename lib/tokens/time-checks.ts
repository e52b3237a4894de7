import type { JWTPayload } from "jose";
import { formatDuration, formatUtc } from "../format/time";
import { check, show, type Check } from "./checks";

/**
 * exp / nbf / iat against a clock, shared by the verifier and every authorizer so that "expired"
 * means the same thing on every screen. Times are seconds (JWT) and `nowMs` milliseconds (Date).
 */

interface ClockOptions {
  readonly nowMs: number;
  /** Seconds of leeway either way; 0 unless the caller says otherwise, as in aws-jwt-verify. */
  readonly toleranceSeconds: number;
}

const numeric = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

const showTime = (seconds: number) => `${seconds} (${formatUtc(seconds)})`;

export function expCheck(claims: JWTPayload, clock: ClockOptions, expiredMessage = ""): Check {
  const exp = numeric(claims.exp);
  const now = clock.nowMs / 1000;
  const expected = `after now (${formatUtc(Math.floor(now))})`;
  if (exp === null) {
    return check("exp", "fail", show(claims.exp), expected, "No numeric exp: every Cognito token carries one.");
  }
  const left = exp - now;
  if (left + clock.toleranceSeconds > 0) {
    return check("exp", "pass", showTime(exp), expected, `Valid for another ${formatDuration(left)}.`);
  }
  const said = expiredMessage ? ` ${expiredMessage}` : "";
  return check("exp", "fail", showTime(exp), expected, `Expired ${formatDuration(-left)} ago.${said}`);
}

export function nbfCheck(claims: JWTPayload, clock: ClockOptions): Check {
  const nbf = numeric(claims.nbf);
  const now = clock.nowMs / 1000;
  if (claims.nbf === undefined) {
    return check("nbf", "n/a", null, null, "No nbf claim (Cognito doesn't set one).");
  }
  if (nbf === null) return check("nbf", "fail", show(claims.nbf), "a number", "nbf is not a number.");
  const expected = `at or before now (${formatUtc(Math.floor(now))})`;
  return nbf - clock.toleranceSeconds <= now
    ? check("nbf", "pass", showTime(nbf), expected, "Already valid.")
    : check("nbf", "fail", showTime(nbf), expected, `Not valid for another ${formatDuration(nbf - now)}.`);
}

/**
 * iat must not be in the future. A fresh token's iat is the issuer's clock at issue, so the
 * difference from ours is the best skew estimate we have; the message always states it.
 */
export function iatCheck(claims: JWTPayload, clock: ClockOptions): Check {
  const iat = numeric(claims.iat);
  const now = clock.nowMs / 1000;
  const expected = `not after now (${formatUtc(Math.floor(now))})`;
  if (iat === null) {
    return check("iat", "fail", show(claims.iat), expected, "No numeric iat: every Cognito token carries one.");
  }
  const age = now - iat;
  if (age >= 0) {
    return check("iat", "pass", showTime(iat), expected, `Issued ${formatDuration(age)} ago by this computer's clock.`);
  }
  const ahead = formatDuration(-age);
  const skew = `Issued ${ahead} in the future by this computer's clock: this clock is at least ${ahead} behind the issuer's.`;
  return -age <= clock.toleranceSeconds
    ? check("iat", "pass", showTime(iat), expected, `${skew} Within the ${clock.toleranceSeconds} s tolerance.`)
    : check("iat", "fail", showTime(iat), expected, `${skew} Fix the clock (NTP) or allow clock tolerance.`);
}

/**
 * now − iat by this computer's clock. Negative means the token was issued "in the future", so this
 * clock is behind the issuer's by at least that much; positive is the token's age (plus any skew).
 */
export function tokenAgeSeconds(claims: JWTPayload, nowMs: number): number | null {
  const iat = numeric(claims.iat);
  return iat === null ? null : Math.round(nowMs / 1000 - iat);
}
