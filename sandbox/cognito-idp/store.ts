import { createHash } from "node:crypto";
import type { IssuerForm } from "../../lib/tokens/issuer";
import { customScopes } from "./oauth-scenario";
import type { PreTokenGeneration } from "./pre-token-generation";
import type { MFA_TYPES, Scenario, ScenarioClient, ScenarioUserPool } from "../scenario";

/**
 * The user pools the sandbox serves, built once from the scenarios. Users are copied out of
 * the scenario because they change at run time (a NEW_PASSWORD_REQUIRED answer sets a new
 * password and confirms the user, MFA setup registers an authenticator); the scenario files are
 * never written back.
 */

export type MfaType = (typeof MFA_TYPES)[number];

/** SetUserPoolMfaConfig: MfaConfiguration and the factors the pool allows. */
export interface PoolMfa {
  readonly configuration: "OFF" | "ON" | "OPTIONAL";
  readonly totp: boolean;
  readonly email: boolean;
}

/** A user's second factors. */
export interface UserMfa {
  /** The authenticator app: AssociateSoftwareToken sets it, VerifySoftwareToken verifies it. */
  totp?: { secret: string; verified: boolean; enabled: boolean };
  /**
   * A secret AssociateSoftwareToken handed out and no VerifySoftwareToken has confirmed yet: it
   * replaces `totp` only once verified (software-token.ts).
   */
  pendingTotpSecret?: string;
  /** RFC 6238 time step of the last code accepted, so a code works once. */
  lastTotpStep?: number;
  emailEnabled: boolean;
  preferred?: MfaType;
}

export interface PoolRecord {
  readonly id: string;
  /** The part after "_": SRP hashes it into every password verifier. */
  readonly srpName: string;
  readonly name: string;
  readonly region: string;
  readonly accountId: string;
  readonly usernameAttributes: readonly string[];
  readonly mfa: PoolMfa;
  /** Which issuer the pool writes into iss (tokens.ts issuerFor). */
  readonly issuerConfiguration: IssuerForm;
  readonly users: UserRecord[];
  /** CreateGroup's RoleArn and Precedence, by group name; groups users name but the pool does not declare have neither. */
  readonly groups: ReadonlyMap<string, { readonly roleArn?: string; readonly precedence?: number }>;
  /** Cognito domain prefix: the token endpoint is served under it (oauth2-token.ts). */
  readonly domain?: string;
  /** `{identifier}/{scope}` of every resource server's scopes. */
  readonly customScopes: ReadonlySet<string>;
  /** The pre token generation trigger, declared in the scenario (pre-token-generation.ts). */
  readonly preTokenGeneration?: PreTokenGeneration;
}

export interface ClientRecord {
  readonly id: string;
  readonly name: string;
  readonly poolId: string;
  readonly authFlows: ReadonlySet<string>;
  readonly idTokenSeconds: number;
  readonly accessTokenSeconds: number;
  readonly refreshTokenSeconds: number;
  readonly scopes: readonly string[];
  readonly secret?: string;
  readonly allowedOAuthFlows: readonly string[];
  readonly allowedOAuthScopes: readonly string[];
  readonly allowedOAuthFlowsUserPoolClient: boolean;
}

export interface UserRecord {
  readonly username: string;
  readonly sub: string;
  password: string;
  status: "CONFIRMED" | "FORCE_CHANGE_PASSWORD";
  /** Every value a string, as Cognito stores them ("true", not true). */
  attributes: Record<string, string>;
  readonly groups: readonly string[];
  mfa: UserMfa;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stable UUID-shaped sub for users whose username is not already one. */
function derivedSub(poolId: string, username: string): string {
  const hex = createHash("sha256").update(`${poolId}/${username}`).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function toUser(pool: ScenarioUserPool, user: ScenarioUserPool["users"][number]): UserRecord {
  const attributes = Object.fromEntries(Object.entries(user.attributes).map(([k, v]) => [k, String(v)]));
  const sub = user.sub ?? (UUID.test(user.username) ? user.username : derivedSub(pool.id, user.username));
  const mfa: UserMfa = {
    ...(user.mfa?.totpSecret ? { totp: { secret: user.mfa.totpSecret, verified: true, enabled: true } } : {}),
    emailEnabled: user.mfa?.email ?? false,
    ...(user.mfa?.preferred ? { preferred: user.mfa.preferred } : {}),
  };
  return { username: user.username, sub, password: user.password, status: user.status, attributes, groups: [...user.groups], mfa };
}

function toClient(poolId: string, client: ScenarioClient): ClientRecord {
  return {
    id: client.id,
    name: client.name,
    poolId,
    authFlows: new Set(client.authFlows),
    idTokenSeconds: client.idTokenValidityMinutes * 60,
    accessTokenSeconds: client.accessTokenValidityMinutes * 60,
    refreshTokenSeconds: client.refreshTokenValidityDays * 86_400,
    scopes: [...client.scopes],
    ...(client.secret ? { secret: client.secret } : {}),
    allowedOAuthFlows: [...client.allowedOAuthFlows],
    allowedOAuthScopes: [...client.allowedOAuthScopes],
    allowedOAuthFlowsUserPoolClient: client.allowedOAuthFlowsUserPoolClient,
  };
}

export class UserPoolStore {
  private readonly poolsById = new Map<string, PoolRecord>();
  private readonly clientsById = new Map<string, ClientRecord>();

  constructor(scenarios: readonly Scenario[]) {
    for (const scenario of scenarios) {
      for (const pool of scenario.userPools) {
        this.poolsById.set(pool.id, {
          id: pool.id,
          srpName: pool.id.split("_")[1] ?? "",
          name: pool.name,
          region: scenario.region,
          accountId: scenario.accountId,
          usernameAttributes: [...pool.usernameAttributes],
          mfa: { ...pool.mfa },
          issuerConfiguration: pool.issuerConfiguration,
          users: pool.users.map((user) => toUser(pool, user)),
          groups: new Map(pool.groups.map((group) => [group.name, { ...(group.roleArn ? { roleArn: group.roleArn } : {}), ...(group.precedence !== undefined ? { precedence: group.precedence } : {}) }])),
          ...(pool.domain ? { domain: pool.domain } : {}),
          customScopes: customScopes(pool),
          ...(pool.preTokenGeneration ? { preTokenGeneration: pool.preTokenGeneration } : {}),
        });
        for (const client of pool.clients) this.clientsById.set(client.id, toClient(pool.id, client));
      }
    }
  }

  /** The pool whose Cognito domain prefix this is. */
  poolByDomain(domain: string): PoolRecord | undefined {
    return [...this.poolsById.values()].find((pool) => pool.domain === domain);
  }

  pools(): PoolRecord[] {
    return [...this.poolsById.values()];
  }

  pool(poolId: string): PoolRecord | undefined {
    return this.poolsById.get(poolId);
  }

  /** The app client and its pool; every user-facing Cognito call starts here. */
  client(clientId: string): { client: ClientRecord; pool: PoolRecord } | undefined {
    const client = this.clientsById.get(clientId);
    const pool = client && this.poolsById.get(client.poolId);
    return client && pool ? { client, pool } : undefined;
  }

  /**
   * Finds a user by what they type to sign in: the username itself, or an attribute the pool
   * signs in with (email for Gen 2 pools). Case-insensitive, as pools are by default.
   */
  findUser(pool: PoolRecord, login: string): UserRecord | undefined {
    const wanted = login.toLowerCase();
    return pool.users.find(
      (user) =>
        user.username.toLowerCase() === wanted ||
        pool.usernameAttributes.some((attribute) => user.attributes[attribute]?.toLowerCase() === wanted),
    );
  }

  /** Exact lookup by the internal username, as tokens carry it. */
  user(pool: PoolRecord, username: string): UserRecord | undefined {
    return pool.users.find((user) => user.username === username);
  }
}
