import { createHash, randomUUID } from "node:crypto";
import type { Scenario } from "../scenario";
import type { ScenarioIdentityPool } from "./schema";

/**
 * Identity pools from the scenarios, and the identities GetId hands out.
 *
 * An authenticated identity id is derived from (pool, provider, user sub), so the same user gets
 * the same `{region}:{uuid}` every time — across sandbox restarts too, which matters because
 * Amplify caches identity ids in the browser. Guest identities are random, as in AWS, where every
 * GetId without logins creates a new one.
 */

export interface IdentityPoolRecord extends ScenarioIdentityPool {
  readonly region: string;
  readonly accountId: string;
}

export interface IdentityRecord {
  readonly id: string;
  readonly poolId: string;
  /** Linked logins: provider name (AWS form, `cognito-idp.{region}.amazonaws.com/{poolId}`) → user sub. */
  readonly logins: ReadonlyMap<string, string>;
}

/** A stable UUID-shaped value from a seed. */
function derivedUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class IdentityStore {
  private readonly pools = new Map<string, IdentityPoolRecord>();
  private readonly identities = new Map<string, IdentityRecord>();

  constructor(scenarios: readonly Scenario[]) {
    for (const scenario of scenarios) {
      for (const pool of scenario.identityPools) {
        this.pools.set(pool.id, { ...pool, region: scenario.region, accountId: scenario.accountId });
      }
    }
  }

  pool(poolId: string): IdentityPoolRecord | undefined {
    return this.pools.get(poolId);
  }

  allPools(): IdentityPoolRecord[] {
    return [...this.pools.values()];
  }

  identity(identityId: string): IdentityRecord | undefined {
    return this.identities.get(identityId);
  }

  /** The identity id a user of `provider` has in `pool`, whether or not GetId was called yet. */
  authenticatedIdFor(pool: IdentityPoolRecord, provider: string, sub: string): string {
    return `${pool.region}:${derivedUuid(`identity:${pool.id}|${provider}|${sub}`)}`;
  }

  /** GetId with logins: the user's identity, created (and its login linked) on first use. */
  authenticated(pool: IdentityPoolRecord, provider: string, sub: string): IdentityRecord {
    const id = this.authenticatedIdFor(pool, provider, sub);
    const existing = this.identities.get(id);
    if (existing) return existing;
    const record: IdentityRecord = { id, poolId: pool.id, logins: new Map([[provider, sub]]) };
    this.identities.set(id, record);
    return record;
  }

  /** GetId without logins: a new guest identity. */
  guest(pool: IdentityPoolRecord): IdentityRecord {
    const record: IdentityRecord = { id: `${pool.region}:${randomUUID()}`, poolId: pool.id, logins: new Map() };
    this.identities.set(record.id, record);
    return record;
  }
}
