import type { Faults } from "../faults";
import type { Scenario } from "../scenario";
import type { StateDir } from "../state-dir";
import type { OperationHandler, SandboxService } from "../http/types";
import { AMZ_JSON_1_1 } from "../http/aws-json";
import { initiateAuth } from "./initiate-auth";
import { KeyRing } from "./keys";
import { setUserMfaPreference } from "./mfa-preference";
import { Outbox } from "./outbox";
import { getTokensFromRefreshToken } from "./refresh";
import { respondToAuthChallenge } from "./respond-to-auth-challenge";
import { SessionStore } from "./sessions";
import { associateSoftwareToken, verifySoftwareToken } from "./software-token";
import type { CognitoContext } from "./context";
import { UserPoolStore } from "./store";
import { getUser, globalSignOut, revokeToken } from "./user-ops";
import { wellKnownRoutes } from "./well-known";
import { tokenEndpointRoutes } from "./oauth2-token";

/**
 * Cognito user pools (service `cognito-idp`): the JSON 1.1 API that aws-amplify and the AWS
 * SDK call with `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, and the pools'
 * public OIDC documents.
 */
interface CognitoIdpOptions {
  /** tokenTtlSeconds shortens the tokens issued while it is set. */
  faults?: Readonly<Faults>;
  /** Keeps signing keys and refresh tokens across restarts. */
  state?: StateDir;
  /** Where email codes go; served at /_sandbox/outbox. */
  outbox?: Outbox;
}

export async function createCognitoIdp(scenarios: readonly Scenario[], now: () => number, options: CognitoIdpOptions = {}): Promise<SandboxService> {
  const store = new UserPoolStore(scenarios);
  const keys = await KeyRing.create(store.pools().map((pool) => pool.id), options.state);
  const tokenTtlSeconds = () => options.faults?.tokenTtlSeconds ?? 0;
  const sessions = new SessionStore(now, options.state);
  const outbox = options.outbox ?? new Outbox(now);
  const ctx: CognitoContext = { store, keys, sessions, now, verifiers: new Map(), tokenTtlSeconds, outbox };

  const operations: Record<string, OperationHandler> = {
    InitiateAuth: (input, req) => initiateAuth(ctx, input, req),
    RespondToAuthChallenge: (input, req) => respondToAuthChallenge(ctx, input, req),
    GetTokensFromRefreshToken: (input, req) => getTokensFromRefreshToken(ctx, input, req),
    GetUser: (input, req) => getUser(ctx, input, req),
    GlobalSignOut: (input, req) => globalSignOut(ctx, input, req),
    RevokeToken: (input) => revokeToken(ctx, input),
    AssociateSoftwareToken: (input, req) => associateSoftwareToken(ctx, input, req),
    VerifySoftwareToken: (input, req) => verifySoftwareToken(ctx, input, req),
    SetUserMFAPreference: (input, req) => setUserMfaPreference(ctx, input, req),
  };

  return {
    name: "cognito-idp",
    targetPrefix: "AWSCognitoIdentityProviderService",
    contentType: AMZ_JSON_1_1,
    operations,
    routes: [...wellKnownRoutes(store, keys), ...tokenEndpointRoutes({ store, keys, now, tokenTtlSeconds })],
  };
}
