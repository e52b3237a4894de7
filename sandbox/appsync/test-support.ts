import { signRequest } from "../../lib/sigv4/sign";
import { DEMO } from "../test-support";

/** Test-only helpers for the AppSync tests: real sign-in, real identity-pool credentials. */

export const DEMO_API = {
  id: "demoapi0000000000000000001",
  apiKey: "da2-sandboxdemokey000000000001",
  expiredApiKey: "da2-sandboxexpiredkey000000001",
} as const;

export const graphqlUrl = (base: string, apiId: string = DEMO_API.id) => `${base}/appsync/${apiId}/graphql`;

export interface Tokens {
  idToken: string;
  accessToken: string;
}

async function rpc(url: string, target: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${target}: ${JSON.stringify(json)}`);
  return json;
}

export async function signIn(base: string, email: string = DEMO.user.email, password: string = DEMO.user.password, clientId: string = DEMO.clientId): Promise<Tokens> {
  const result = await rpc(base, "AWSCognitoIdentityProviderService.InitiateAuth", {
    AuthFlow: "USER_PASSWORD_AUTH",
    ClientId: clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  const auth = result["AuthenticationResult"] as { IdToken: string; AccessToken: string };
  return { idToken: auth.IdToken, accessToken: auth.AccessToken };
}

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The enhanced flow the dashboard uses: GetId, then GetCredentialsForIdentity. */
export async function identityCredentials(
  base: string,
  idToken: string,
  pools: { identityPoolId: string; userPoolId: string } = DEMO,
): Promise<AwsCredentials> {
  const { identityPoolId, userPoolId } = pools;
  const logins = { [`cognito-idp.${DEMO.region}.amazonaws.com/${userPoolId}`]: idToken };
  const endpoint = `${base}/cognito-identity`;
  const { IdentityId } = await rpc(endpoint, "AWSCognitoIdentityService.GetId", { IdentityPoolId: identityPoolId, Logins: logins });
  const result = await rpc(endpoint, "AWSCognitoIdentityService.GetCredentialsForIdentity", { IdentityId, Logins: logins });
  const c = result["Credentials"] as { AccessKeyId: string; SecretKey: string; SessionToken: string };
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken };
}

export interface GraphqlResponse {
  status: number;
  errorType: string | null;
  body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };
  headers: Headers;
}

export async function post(url: string, headers: Record<string, string>, body: string): Promise<GraphqlResponse> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, errorType: response.headers.get("x-amzn-errortype"), body: await response.json(), headers: response.headers };
}

export const gql = (url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) =>
  post(url, headers, JSON.stringify({ query, variables }));

/** A SigV4-signed (service `appsync`) GraphQL POST, as Amplify's IAM mode sends it. */
export async function signedGql(url: string, credentials: AwsCredentials, query: string, variables: Record<string, unknown> = {}) {
  const body = JSON.stringify({ query, variables });
  const signed = await signRequest(
    { method: "POST", url, headers: { "content-type": "application/json" }, body },
    { credentials, region: DEMO.region, service: "appsync" },
  );
  return post(url, signed.headers, body);
}
