import type { ResourcesConfig } from "aws-amplify";
import { awsSuffix } from "../security/connect-sources";
import type { AppSyncApi, Environment } from "./environment";

/** Amplify's names for AppSync's auth modes. */
export const AMPLIFY_AUTH_MODE = {
  API_KEY: "apiKey",
  AMAZON_COGNITO_USER_POOLS: "userPool",
  AWS_IAM: "iam",
  OPENID_CONNECT: "oidc",
  AWS_LAMBDA: "lambda",
} as const satisfies Record<AppSyncApi["defaultAuthMode"], string>;

/** The API section for the environment's first AppSync API, so generateClient() works as in the app. */
function apiConfig(environment: Environment): ResourcesConfig["API"] | undefined {
  const api = environment.appSync[0];
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
 * The Cognito user pool endpoint aws-amplify calls for this environment: the override, else
 * `https://cognito-idp.{region}.{dnsSuffix}` (amplify-js
 * packages/auth/src/foundation/cognitoUserPoolEndpointResolver.ts, with getDnsSuffix).
 */
export function userPoolEndpoint(environment: Environment): string {
  return environment.endpoints.cognitoIdp ?? `https://cognito-idp.${environment.region}.${awsSuffix(environment.region)}`;
}

/**
 * The aws-amplify v6 configuration for one environment. Endpoint overrides go to
 * `userPoolEndpoint` / `identityPoolEndpoint`, which is how the dashboard reaches the local
 * sandbox (or a VPC endpoint) with the same client code it uses for AWS.
 */
export function toAmplifyConfig(environment: Environment): ResourcesConfig {
  const emailLogin = environment.usernameAttributes.includes("email");
  const phoneLogin = environment.usernameAttributes.includes("phone_number");
  const userPool = {
    userPoolId: environment.userPoolId,
    userPoolClientId: environment.userPoolClientId,
    ...(environment.endpoints.cognitoIdp ? { userPoolEndpoint: environment.endpoints.cognitoIdp } : {}),
    loginWith: {
      email: emailLogin,
      phone: phoneLogin,
      username: !emailLogin && !phoneLogin,
      ...(environment.oauth
        ? {
            oauth: {
              domain: environment.oauth.domain,
              scopes: environment.oauth.scopes,
              redirectSignIn: environment.oauth.redirectSignIn,
              redirectSignOut: environment.oauth.redirectSignOut,
              responseType: environment.oauth.responseType,
            },
          }
        : {}),
    },
  };
  const API = apiConfig(environment);
  const withApi = API ? { API } : {};
  if (!environment.identityPoolId) return { Auth: { Cognito: userPool }, ...withApi };
  // Amplify's types allow the identity-pool fields only together with an identityPoolId.
  return {
    Auth: {
      Cognito: {
        ...userPool,
        identityPoolId: environment.identityPoolId,
        ...(environment.endpoints.cognitoIdentity ? { identityPoolEndpoint: environment.endpoints.cognitoIdentity } : {}),
        allowGuestAccess: environment.poolDetails?.unauthenticatedIdentitiesEnabled ?? false,
      },
    },
    ...withApi,
  };
}
