import type { ResourcesConfig } from "aws-amplify";
import type { Profile } from "./profile";

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
  if (!profile.identityPoolId) return { Auth: { Cognito: userPool } };
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
  };
}
