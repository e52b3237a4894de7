import { AMZ_JSON_1_1 } from "../http/aws-json";
import type { SandboxService } from "../http/types";
import type { IamState } from "../iam/state";
import type { Scenario } from "../scenario";
import { IdentityStore } from "./identities";
import { JwksCache } from "./logins";
import { getCredentialsForIdentity, getId, getOpenIdToken, type IdentityOpsContext } from "./operations";

/**
 * Cognito identity pools (service `cognito-identity`): AWS JSON 1.1 with
 * `X-Amz-Target: AWSCognitoIdentityService.<Operation>`, served at /cognito-identity — the value
 * of a environment's `endpoints.cognitoIdentity`. aws-amplify's `identityPoolEndpoint` and the AWS
 * SDK's `endpoint` both POST to exactly that URL. CORS is open, as on the real endpoint, because
 * browsers call it directly.
 *
 * Also serves the OpenID token keys at /cognito-identity/.well-known/jwks_uri (AWS publishes
 * them at https://cognito-identity.amazonaws.com/.well-known/jwks_uri).
 */
export function createCognitoIdentity(scenarios: readonly Scenario[], iam: IamState, options: { fetch?: typeof fetch } = {}): SandboxService {
  const ctx: IdentityOpsContext = { store: new IdentityStore(scenarios), iam, jwks: new JwksCache(options.fetch), now: iam.now };
  return {
    name: "cognito-identity",
    targetPrefix: "AWSCognitoIdentityService",
    contentType: AMZ_JSON_1_1,
    mount: "/cognito-identity",
    cors: "open",
    operations: {
      GetId: (input, req) => getId(ctx, input, req),
      GetCredentialsForIdentity: (input, req) => getCredentialsForIdentity(ctx, input, req),
      GetOpenIdToken: (input, req) => getOpenIdToken(ctx, input, req),
    },
    routes: [
      {
        method: "GET",
        path: /^\/cognito-identity\/\.well-known\/jwks_uri$/,
        async handle() {
          return { status: 200, body: iam.openIdKeys.jwks() };
        },
      },
    ],
  };
}
