import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { StateDir } from "../state-dir";
import type { MfaType } from "./store";

/**
 * Server-side memory of a user pool: what real Cognito keeps so that opaque strings it hands
 * out (refresh tokens, SRP secret blocks, challenge sessions) mean something when they come
 * back, and so that revocation works. Refresh tokens and revocations are also kept in the state
 * directory when the sandbox has one (state-dir.ts); the short-lived SRP and challenge sessions
 * live in memory only and die with the process.
 */

interface RefreshRecord {
  readonly poolId: string;
  readonly clientId: string;
  readonly username: string;
  /** Shared by every token minted from this sign-in; revocation is keyed on it. */
  readonly originJti: string;
  /** Seconds since epoch of the original sign-in; refreshed tokens keep it. */
  readonly authTime: number;
  readonly expiresAt: number;
  revoked: boolean;
}

interface SrpSession {
  readonly poolId: string;
  readonly clientId: string;
  /** USER_ID_FOR_SRP: the internal username, or the typed one for an unknown user. */
  readonly userIdForSrp: string;
  /** False for the decoy challenge handed out for unknown users. */
  readonly userExists: boolean;
  readonly A: bigint;
  readonly B: bigint;
  readonly b: bigint;
  readonly v: bigint;
  readonly secretBlock: Buffer;
}

/**
 * Where a sign-in stands between two calls. Cognito keeps this behind its opaque Session string;
 * each step names what the next call must be.
 */
export type ChallengeStep =
  | { readonly name: "NEW_PASSWORD_REQUIRED" }
  | { readonly name: "SOFTWARE_TOKEN_MFA" }
  /** `setup`: the user is registering this address for email MFA (MFA_SETUP answered with EMAIL). */
  | { readonly name: "EMAIL_OTP"; readonly code: string; readonly email: string; readonly setup: boolean }
  | { readonly name: "SELECT_MFA_TYPE"; readonly choices: readonly MfaType[] }
  /**
   * MFA_SETUP moves on through the TOTP calls, each handing out a new session:
   * `start` (the challenge) → AssociateSoftwareToken → `associated` → VerifySoftwareToken →
   * `verified` → RespondToAuthChallenge MFA_SETUP.
   */
  | { readonly name: "MFA_SETUP"; readonly stage: "start" | "associated" | "verified"; readonly canSetUp: readonly MfaType[] };

export interface ChallengeSession {
  readonly poolId: string;
  readonly clientId: string;
  readonly username: string;
  readonly step: ChallengeStep;
}

const SRP_TTL_MS = 5 * 60_000;
/** Measured on real Cognito: a challenge session lasts about three minutes. */
const CHALLENGE_TTL_MS = 3 * 60_000;
/** Long enough that "expired" and "used" stay distinguishable from "never existed". */
const TOMBSTONE_MS = 60 * 60_000;

type Lookup<T> = { value: T } | { problem: "unknown" | "expired" | "used" };

/** A map whose entries expire; spent and expired entries are remembered a while as tombstones. */
class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number; used: boolean }>();
  constructor(private readonly now: () => number) {}

  put(key: string, value: T, ttlMs: number): void {
    this.prune();
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs, used: false });
  }

  /** Finds a live entry without spending it. */
  peek(key: string): Lookup<T> {
    const entry = this.entries.get(key);
    if (!entry) return { problem: "unknown" };
    if (entry.used) return { problem: "used" };
    if (entry.expiresAt <= this.now()) return { problem: "expired" };
    return { value: entry.value };
  }

  /** One-time use: after this, looking the key up again reports "used". */
  spend(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.used = true;
  }

  take(key: string): Lookup<T> {
    const found = this.peek(key);
    this.spend(key);
    return found;
  }

  private prune(): void {
    const cutoff = this.now() - TOMBSTONE_MS;
    for (const [key, entry] of this.entries) if (entry.expiresAt < cutoff) this.entries.delete(key);
  }
}

const b64url = (bytes: Buffer) => bytes.toString("base64url");

/**
 * Real refresh tokens are JWEs (five dot-separated parts, header
 * {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}) that only Cognito can open. Ours have the same
 * shape but random contents: the server looks them up, nobody can read anything from them.
 */
function newRefreshToken(): string {
  const header = b64url(Buffer.from(JSON.stringify({ cty: "JWT", enc: "A256GCM", alg: "RSA-OAEP" })));
  return [header, b64url(randomBytes(256)), b64url(randomBytes(12)), b64url(randomBytes(384)), b64url(randomBytes(16))].join(".");
}

const STATE_FILE = "refresh-tokens";
const storedSessionsSchema = z.object({
  refreshTokens: z.array(
    z.tuple([
      z.string(),
      z.object({
        poolId: z.string(),
        clientId: z.string(),
        username: z.string(),
        originJti: z.string(),
        authTime: z.number(),
        expiresAt: z.number(),
        revoked: z.boolean(),
      }),
    ]),
  ),
  revokedOrigins: z.array(z.string()),
});

export class SessionStore {
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly revokedOrigins = new Set<string>();
  private readonly srp: ExpiringStore<SrpSession>;
  private readonly challenges: ExpiringStore<ChallengeSession>;

  constructor(
    private readonly now: () => number,
    private readonly state?: StateDir,
  ) {
    this.srp = new ExpiringStore(now);
    this.challenges = new ExpiringStore(now);
    const stored = state?.read(STATE_FILE, storedSessionsSchema);
    for (const [token, record] of stored?.refreshTokens ?? []) this.refreshTokens.set(token, record);
    for (const origin of stored?.revokedOrigins ?? []) this.revokedOrigins.add(origin);
  }

  private save(): void {
    this.state?.write(STATE_FILE, { refreshTokens: [...this.refreshTokens], revokedOrigins: [...this.revokedOrigins] });
  }

  issueRefreshToken(record: Omit<RefreshRecord, "revoked">): string {
    const cutoff = this.now() - TOMBSTONE_MS;
    for (const [token, old] of this.refreshTokens) if (old.expiresAt < cutoff) this.refreshTokens.delete(token);
    const token = newRefreshToken();
    this.refreshTokens.set(token, { ...record, revoked: false });
    this.save();
    return token;
  }

  refreshRecord(token: string): RefreshRecord | undefined {
    return this.refreshTokens.get(token);
  }

  /** RevokeToken: the refresh token and every access token minted from the same sign-in. */
  revoke(record: RefreshRecord): void {
    record.revoked = true;
    this.revokedOrigins.add(record.originJti);
    this.save();
  }

  /** GlobalSignOut: every sign-in of the user, on every app client of the pool. */
  revokeUser(poolId: string, username: string): void {
    for (const record of this.refreshTokens.values()) {
      if (record.poolId === poolId && record.username === username) this.revoke(record);
    }
  }

  isOriginRevoked(originJti: string): boolean {
    return this.revokedOrigins.has(originJti);
  }

  /** Stores an SRP exchange under its secret block, which the client echoes back. */
  putSrp(session: SrpSession): string {
    const key = session.secretBlock.toString("base64");
    this.srp.put(key, session, SRP_TTL_MS);
    return key;
  }

  takeSrp(secretBlock: string): Lookup<SrpSession> {
    return this.srp.take(secretBlock);
  }

  putChallenge(session: ChallengeSession): string {
    // Real sessions are long opaque strings; the length carries no meaning.
    const key = b64url(Buffer.concat([Buffer.from(randomUUID()), randomBytes(480)]));
    this.challenges.put(key, session, CHALLENGE_TTL_MS);
    return key;
  }

  /** Looks a challenge session up; `spendChallenge` once the answer has been accepted. */
  challenge(session: string): Lookup<ChallengeSession> {
    return this.challenges.peek(session);
  }

  spendChallenge(session: string): void {
    this.challenges.spend(session);
  }
}
