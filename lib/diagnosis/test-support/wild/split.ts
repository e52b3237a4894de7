import { Sha256 } from "@aws-crypto/sha256-js";

/**
 * The tuning / held-out split, decided by the text alone so nobody chooses and an entry added later
 * lands where it always would: SHA-256 of SALT + text; a first byte below HELD_OUT_BELOW (40 % of
 * 256) puts the entry in held-out. Never change SALT or the threshold: that would reshuffle entries
 * already looked at into held-out.
 */
export const SALT = "wild-corpus-split/2026-12-03";
export const HELD_OUT_BELOW = Math.floor(0.4 * 256);

export type Split = "tuning" | "held-out";

export function splitOf(text: string): Split {
  const hash = new Sha256();
  hash.update(SALT + text);
  const first = hash.digestSync()[0] ?? 0;
  return first < HELD_OUT_BELOW ? "held-out" : "tuning";
}
