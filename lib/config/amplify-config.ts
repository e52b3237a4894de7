import type { ResourcesConfig } from "aws-amplify";
import type { AppSyncApi, Profile } from "./profile";

/** Amplify's names for AppSync's auth modes. */
export const AMPLIFY_AUTH_MODE = {
  API_KEY: "apiKey",
  AMAZON_COGNITO_USER_POOLS: "userPool",
  AWS_IAM: "iam",
  OPENID_CONNECT: "oidc",
  AWS_LAMBDA: "lambda",
} as const satisfies Record<AppSyncApi["defaultAuthMode"], string>;

/** The API section for the profile's first AppSync API, so generateClient() works as in the app. */
function apiConfig(profile: Profile): ResourcesConfig["API"] | undefined {
  const api = profile.appSync[0];
  if (!api) return undefined;
  return {
    GraphQL: {
      endpoint: api.url,
      region: api.region,
      defaultAuthMode: AMPLIFY_AUTH_MODE[api.defaultAuthMode],
      ...(api.apiKey ? { apiKey: api.apiKey } : {}),
    },
  };
}

/**
 * The aws-amplify v6 configuration for one profile. Endpoint overrides go to
 * `userPoolEndpoint` / `identityPoolEndpoint`, which is how the dashboard reaches the local
 * sandbox (or a VPC endpoint) with the same client code it uses for AWS.
 */
export function toAmplifyConfig(profile: Profile): ResourcesConfig {
  const emailLogin = profile.usernameAttributes.includes("email");
  const phoneLogin = profile.usernameAttributes.includes("phone_number");
  const userPool = {
    userPoolId: profile.userPoolId,
    userPoolClientId: profile.userPoolClientId,
    ...(profile.endpoints.cognitoIdp ? { userPoolEndpoint: profile.endpoints.cognitoIdp } : {}),
    loginWith: {
      email: emailLogin,
      phone: phoneLogin,
      username: !emailLogin && !phoneLogin,
      ...(profile.oauth
        ? {
            oauth: {
              domain: profile.oauth.domain,
              scopes: profile.oauth.scopes,
              redirectSignIn: profile.oauth.redirectSignIn,
              redirectSignOut: profile.oauth.redirectSignOut,
              responseType: profile.oauth.responseType,
            },
          }
        : {}),
    },
  };
  const API = apiConfig(profile);
  const withApi = API ? { API } : {};
  if (!profile.identityPoolId) return { Auth: { Cognito: userPool }, ...withApi };
  // Amplify's types allow the identity-pool fields only together with an identityPoolId.
  return {
    Auth: {
      Cognito: {
        ...userPool,
        identityPoolId: profile.identityPoolId,
        ...(profile.endpoints.cognitoIdentity ? { identityPoolEndpoint: profile.endpoints.cognitoIdentity } : {}),
        allowGuestAccess: profile.poolDetails?.unauthenticatedIdentitiesEnabled ?? false,
      },
    },
    ...withApi,
  };
}
