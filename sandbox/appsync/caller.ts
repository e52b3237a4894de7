import type { GraphQLSchema } from "graphql";
import type { AppSyncFailure } from "./errors";
import { FAIL } from "./errors";
import type { AuthMode } from "./auth-modes";
import type { LambdaAuthorizer, LambdaGrant } from "./lambda";
import type { ScenarioAppSyncApi } from "./scenario";

/** One API as the service runs it: the scenario entry plus what is derived from it once. */
export interface ApiConfig extends ScenarioAppSyncApi {
  accountId: string;
  modes: ReadonlySet<AuthMode>;
  graphqlSchema: GraphQLSchema;
  /** The AWS_LAMBDA mode's authorizer (its decision table and response cache), when the API has one. */
  lambda?: LambdaAuthorizer;
}

/** Who is calling, as far as field authorization and `whoami` need to know. */
export interface Caller {
  mode: AuthMode;
  /** Written to `owner` by create mutations: a username, an identity id or a role session. */
  owner: string | null;
  groups: readonly string[];
  /** What `whoami` answers: the mode and the identity, never a token or key. */
  detail: string;
  /** AWS_LAMBDA: what the authorizer returned (resolverContext, deniedFields). */
  lambda?: LambdaGrant;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; failure: AppSyncFailure };

/** The credentials a request carries, as AppSync tells them apart. */
type Credentials =
  | { kind: "api-key"; value: string }
  | { kind: "jwt"; value: string }
  | { kind: "lambda"; value: string }
  | { kind: "iam" }
  | { kind: "none" };

const SIGV4 = /^AWS4-HMAC-SHA256\s/;
/** Three base64url segments, the first a JSON object: `eyJ…`. */
const JWT_SHAPED = /^(?:bearer\s+)?eyJ[\w-]*\.[\w-]*\.[\w-]*$/i;

/**
 * Authorization wins over x-api-key when a mode that reads it is enabled; AppSync documents no
 * precedence (aws-appsync-community #169 reports it changing), so this order is our choice.
 */
export function credentialsOf(headers: Record<string, string | undefined>, modes: ReadonlySet<AuthMode>): Credentials {
  const authorization = headers["authorization"]?.trim();
  const apiKey = headers["x-api-key"]?.trim();
  if (authorization) {
    if (SIGV4.test(authorization) && modes.has("AWS_IAM")) return { kind: "iam" };
    // Without AWS_IAM, a JWT mode reads whatever Authorization holds, a SigV4 signature included:
    // an IAM-signed call to a user-pool-only API is "Unable to parse JWT token." (aws-amplify/docs#1884,
    // aws-amplify/amplify-js#4553, jonsaw/amazon-cognito-identity-dart#25).
    const jwtModes = modes.has("AMAZON_COGNITO_USER_POOLS") || modes.has("OPENID_CONNECT");
    // With AWS_LAMBDA beside a JWT mode, a JWT (or "Bearer <jwt>") goes to the JWT mode and the
    // authorizer is never called; anything else goes to the authorizer (inferred from
    // aws-amplify/amplify-js#9513: `Authorization: <jwt>` did not reach the authorizer where
    // `Authorization: 123456` did; aws-amplify/amplify-cli#10047: a Cognito JWT as the Lambda token
    // was taken as user-pool authorization; aws-amplify/amplify-category-api#2128: "Bearer <jwt>"
    // did not reach it, "Token <jwt>" did). AppSync documents no such order.
    if (modes.has("AWS_LAMBDA") && !(jwtModes && JWT_SHAPED.test(authorization))) return { kind: "lambda", value: authorization };
    if (jwtModes) return { kind: "jwt", value: authorization };
  }
  if (apiKey && modes.has("API_KEY")) return { kind: "api-key", value: apiKey };
  return { kind: "none" };
}

/** API keys are valid until `expires`; AppSync then refuses them like an unknown key. */
export function authenticateApiKey(api: ApiConfig, value: string, now: number): AuthResult {
  const key = api.apiKeys.find((k) => k.id === value);
  if (!key || Date.parse(key.expires) <= now) return { ok: false, failure: FAIL.apiKey };
  return { ok: true, caller: { mode: "API_KEY", owner: null, groups: [], detail: "API_KEY" } };
}

/** Lower-cased single-valued headers, from Node's request or from a realtime header object. */
export function flatHeaders(headers: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") out[name.toLowerCase()] = value;
    else if (Array.isArray(value) && typeof value[0] === "string") out[name.toLowerCase()] = value.join(",");
  }
  return out;
}
