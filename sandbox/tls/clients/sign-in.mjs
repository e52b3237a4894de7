import { CognitoIdentityProviderClient, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";

/**
 * USER_PASSWORD_AUTH with the official SDK, pointed at the sandbox's https URL the way any SDK
 * client is pointed at a custom endpoint. InitiateAuth is unsigned; the credentials only keep
 * the SDK from looking for real ones.
 */
export async function signIn({ base, region, clientId, email, password }) {
  const idp = new CognitoIdentityProviderClient({
    region,
    endpoint: base,
    credentials: { accessKeyId: "AKIASANDBOXEXAMPLE", secretAccessKey: "sandbox-secret" },
    maxAttempts: 1,
  });
  const { AuthenticationResult: auth } = await idp.send(
    new InitiateAuthCommand({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return { idToken: auth.IdToken, accessToken: auth.AccessToken };
}

/** Prints the outcome as the last line of stdout, for the test that started this process. */
export function report(outcome) {
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

export const errorOf = (error) => ({ name: error?.name, message: error?.message });
