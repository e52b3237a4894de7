import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { RuntimeClient } from "bedrock-agentcore/runtime";
import WebSocket from "ws";
import { errorOf, report, signIn } from "./sign-in.mjs";

/**
 * bedrock-agentcore's RuntimeClient unchanged. It takes a region, not an endpoint; the data-plane
 * host comes from the BEDROCK_AGENTCORE_DATA_PLANE_ENDPOINT environment variable when set (its
 * src/_utils/endpoints.ts), which the test sets to `{sandbox https}/agentcore`. The socket is
 * opened with `ws`, as the package's README shows: `new WebSocket(url, { headers })`.
 * Input (argv[2], JSON): base, region, session, iam {…}, jwt {…}, each with userPoolId, clientId,
 * identityPoolId?, runtimeArn, email, password.
 */
const input = JSON.parse(process.argv[2]);

/** Sends one prompt and collects frames until the echo agent's final `{"echo": …}`. */
function converse(url, options, prompt) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options);
    const frames = [];
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ ok: false, status: res.statusCode, errorType: res.headers["x-amzn-errortype"], body }));
    });
    ws.on("error", (error) => resolve({ ok: false, ...errorOf(error) }));
    ws.on("open", () => ws.send(JSON.stringify({ prompt })));
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data));
      frames.push(frame);
      if ("echo" in frame) {
        ws.close(1000);
        resolve({ ok: true, frames });
      }
    });
  });
}

async function identityPoolCredentials(scenario) {
  const { idToken } = await signIn({ base: input.base, region: input.region, ...scenario });
  const cognitoIdentity = new CognitoIdentityClient({ region: input.region, endpoint: `${input.base}/cognito-identity`, maxAttempts: 1 });
  const logins = { [`cognito-idp.${input.region}.amazonaws.com/${scenario.userPoolId}`]: idToken };
  const { IdentityId } = await cognitoIdentity.send(new GetIdCommand({ IdentityPoolId: scenario.identityPoolId, Logins: logins }));
  const { Credentials: c } = await cognitoIdentity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken, expiration: c.Expiration };
}

const credentials = await identityPoolCredentials(input.iam);
const client = new RuntimeClient({ region: input.region, credentialsProvider: async () => credentials });

// SigV4 headers (AWS_IAM runtime).
const sigv4 = await client.generateWsConnection({ runtimeArn: input.iam.runtimeArn, endpointName: "DEFAULT", sessionId: input.session });
const overSigV4 = await converse(sigv4.url, { headers: sigv4.headers }, "signed by RuntimeClient");

// OAuth bearer (CUSTOM_JWT runtime): the user pool access token, checked by the sandbox against
// the discovery document's https jwks_uri.
const { accessToken } = await signIn({ base: input.base, region: input.region, ...input.jwt });
const oauth = await client.generateWsConnectionOAuth({ runtimeArn: input.jwt.runtimeArn, bearerToken: accessToken, endpointName: "DEFAULT", sessionId: input.session });
const overOAuth = await converse(oauth.url, { headers: oauth.headers }, "bearer from RuntimeClient");

// Presigned URL: kept to show what the client builds for a non-default port.
const presigned = new URL(await client.generatePresignedUrl({ runtimeArn: input.iam.runtimeArn, endpointName: "DEFAULT", sessionId: input.session }));

report({
  sigv4: { url: sigv4.url, host: sigv4.headers.host, ...overSigV4 },
  oauth: { url: oauth.url, host: oauth.headers.Host, ...overOAuth },
  presigned: { protocol: presigned.protocol, host: presigned.host, port: presigned.port, pathname: presigned.pathname },
});
