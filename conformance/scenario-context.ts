import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import type { Scenario } from "../sandbox/scenario";

/**
 * What a case's placeholders stand for, in one scenario of a running sandbox. Tokens and
 * credentials are fetched when a case first needs them, through the official SDK v3 clients (not
 * through the dashboard's code), and kept for the cases after it.
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/** One fetch per key, kept for the cases after it; a failure is not kept, so the next case tries again. */
function once<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let pending = cache.get(key);
  if (!pending) {
    pending = make();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

const DUMMY = { accessKeyId: "AKIACONFORMANCE00000", secretAccessKey: "unused-for-unsigned-operations" };

export class ScenarioContext {
  private readonly tokens = new Map<string, Promise<Tokens>>();
  private readonly credentials = new Map<string, Promise<Credentials & { identityId: string }>>();
  private readonly identityIds = new Map<string, Promise<string>>();

  constructor(
    readonly base: string,
    readonly scenario: Scenario,
  ) {}

  get region(): string {
    return this.scenario.region;
  }

  /** Static placeholder values; token and credential placeholders are resolved by `resolve`. */
  values(): Record<string, string> {
    const s = this.scenario;
    const pool = s.userPools[0];
    const runtime = s.agentCoreRuntimes[0];
    const api = s.appSyncApis[0];
    const values: Record<string, string> = {
      base: this.base,
      region: s.region,
      accountId: s.accountId,
      agentcore: `${this.base}/agentcore`,
      sts: `${this.base}/sts`,
      cognitoIdentity: `${this.base}/cognito-identity`,
      cloudtrail: `${this.base}/cloudtrail`,
    };
    if (pool) {
      values.userPoolId = pool.id;
      values.clientId = pool.clients[0]!.id;
      values.loginsKey = `cognito-idp.${s.region}.amazonaws.com/${pool.id}`;
      // The issuer the pool signs with, in the sandbox's stand-in for its IssuerConfiguration
      // (sandbox/README.md): ORIGINAL https://cognito-idp.{region}.amazonaws.com/{pool} is
      // {base}/{pool}, UPDATED https://issuer-cognito-idp.{region}.amazonaws.com/{pool} is
      // {base}/issuer-cognito-idp/{pool}. Written out here rather than taken from lib/, so a case
      // can catch the sandbox signing the wrong form.
      values.issuer = pool.issuerConfiguration === "UPDATED" ? `${this.base}/issuer-cognito-idp/${pool.id}` : `${this.base}/${pool.id}`;
    }
    if (s.identityPools[0]) values.identityPoolId = s.identityPools[0].id;
    if (runtime) {
      values.runtimeArn = runtime.arn;
      values.runtimeId = runtime.arn.split("/").pop()!;
    }
    if (s.agentCoreGateways[0]) {
      values.gatewayId = s.agentCoreGateways[0].id;
      values.gateway = `${this.base}/agentcore-gateway/${s.agentCoreGateways[0].id}`;
    }
    if (api) {
      values.apiId = api.id;
      values.appsync = `${this.base}/appsync/${api.id}/graphql`;
      values.appsyncRealtime = `${this.base.replace(/^http/, "ws")}/appsync/${api.id}/graphql/realtime`;
      // The `host` of AppSync's realtime header object: the GraphQL endpoint's host.
      values.appsyncHost = new URL(this.base).host;
      if (api.apiKeys[0]) values.apiKey = api.apiKeys[0].id;
    }
    const eventApi = s.appSyncEventApis[0];
    if (eventApi) {
      // An Event API's HTTP endpoint (https://{dns}.appsync-api.{region}.amazonaws.com/event) and
      // realtime endpoint (wss://{dns}.appsync-realtime-api.{region}.amazonaws.com/event/realtime).
      values.eventsApiId = eventApi.id;
      values.events = `${this.base}/appsync-events/${eventApi.id}/event`;
      values.eventsRealtime = `${this.base.replace(/^http/, "ws")}/appsync-events/${eventApi.id}/event/realtime`;
      values.eventsHost = new URL(this.base).host;
      if (eventApi.apiKeys[0]) values.eventsApiKey = eventApi.apiKeys[0].id;
    }
    const roles = s.roles;
    if (roles[0]) values.roleArn = roles[0].arn;
    return values;
  }

  /** The user a case signs in as: the one named, else the first confirmed user of the first pool. */
  private login(name: string | undefined): { username: string; password: string } {
    const pool = this.scenario.userPools[0];
    if (!pool) throw new Error(`scenario ${this.scenario.name} has no user pool to sign in to`);
    const users = pool.users.filter((u) => u.status === "CONFIRMED");
    const user = name
      ? pool.users.find((u) => u.username === name || Object.values(u.attributes).includes(name))
      : users[0];
    if (!user) throw new Error(`scenario ${this.scenario.name} has no user ${name ?? "(confirmed)"}`);
    const email = user.attributes.email;
    return { username: typeof email === "string" && pool.usernameAttributes.includes("email") ? email : user.username, password: user.password };
  }

  /** USER_PASSWORD_AUTH through the SDK's CognitoIdentityProviderClient. `key` separates sessions made under different faults. */
  signIn(user: string | undefined, key = ""): Promise<Tokens> {
    return once(this.tokens, `${user ?? ""}|${key}`, async () => {
      const login = this.login(user);
      const client = new CognitoIdentityProviderClient({ region: this.region, endpoint: this.base, credentials: DUMMY, maxAttempts: 1 });
      const answer = await client.send(
        new InitiateAuthCommand({
          AuthFlow: "USER_PASSWORD_AUTH",
          ClientId: this.scenario.userPools[0]!.clients[0]!.id,
          AuthParameters: { USERNAME: login.username, PASSWORD: login.password },
        }),
      );
      const result = answer.AuthenticationResult;
      if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) {
        throw new Error(`sign-in as ${login.username} in ${this.scenario.name} ended in challenge ${answer.ChallengeName ?? "(none)"}`);
      }
      return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken };
    });
  }

  private identityClient(): CognitoIdentityClient {
    return new CognitoIdentityClient({ region: this.region, endpoint: `${this.base}/cognito-identity`, credentials: DUMMY, maxAttempts: 1 });
  }

  /** The user's ID token under the pool's Logins key; none for a guest. */
  private async logins(kind: "user" | "guest", user: string | undefined): Promise<Record<string, string> | undefined> {
    return kind === "user" ? { [this.values().loginsKey!]: (await this.signIn(user)).idToken } : undefined;
  }

  /**
   * GetId alone, through the SDK: the identity id exists even where the pool cannot hand out
   * credentials (a broken trust policy), so cases can call GetCredentialsForIdentity themselves.
   */
  identityId(kind: "user" | "guest", user: string | undefined): Promise<string> {
    return once(this.identityIds, `${kind}|${user ?? ""}`, async () => {
      const pool = this.scenario.identityPools[0];
      if (!pool) throw new Error(`scenario ${this.scenario.name} has no identity pool`);
      const logins = await this.logins(kind, user);
      const { IdentityId } = await this.identityClient().send(new GetIdCommand({ IdentityPoolId: pool.id, ...(logins ? { Logins: logins } : {}) }));
      if (!IdentityId) throw new Error(`GetId gave no IdentityId in ${this.scenario.name}`);
      return IdentityId;
    });
  }

  /** Identity-pool credentials in the enhanced flow (GetId, GetCredentialsForIdentity), through the SDK. */
  identityCredentials(kind: "user" | "guest", user: string | undefined): Promise<Credentials & { identityId: string }> {
    return once(this.credentials, `${kind}|${user ?? ""}`, async () => {
      const identityId = await this.identityId(kind, user);
      const logins = await this.logins(kind, user);
      const answer = await this.identityClient().send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, ...(logins ? { Logins: logins } : {}) }));
      const c = answer.Credentials;
      if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken) throw new Error(`no credentials for ${identityId}`);
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken, identityId };
    });
  }

  /** Long-term keys of the scenario's first CloudTrail reader. */
  reader(): Credentials {
    const reader = this.scenario.cloudTrailReaders[0];
    if (!reader) throw new Error(`scenario ${this.scenario.name} has no cloudTrailReaders`);
    return { accessKeyId: reader.accessKeyId, secretAccessKey: reader.secretAccessKey };
  }
}
