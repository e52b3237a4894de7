import WebSocket from "ws";
import type { UpgradeRefusal, WebSocketFactory, WebSocketLike } from "../../lib/ws";
import { runtimeInvokeUrl } from "../../lib/agentcore/urls";
import { identityCredentials, signIn, type AwsCredentials, type Tokens } from "../appsync/test-support";

/** Ids of sandbox/scenarios/agentcore-*.json, and helpers shared by the AgentCore tests. */

const scenario = (account: string, pool: string, client: string, runtime: string, identityPoolId?: string) => ({
  region: "ap-northeast-1",
  userPoolId: `ap-northeast-1_${pool}`,
  clientId: client,
  runtimeArn: `arn:aws:bedrock-agentcore:ap-northeast-1:${account}:runtime/${runtime}`,
  ...(identityPoolId ? { identityPoolId } : {}),
});

export const JWT = {
  ...scenario("310000000001", "AcJwt0001", "acjwtclient000000000000001", "jwt_echo_agent-Jw7kP2mQ9x", "ap-northeast-1:3c1f0a2e-7b4d-4e59-9a61-0d2e3f4a5b61"),
  gatewayId: "acjwt-gateway-k2m9x7q4za",
};
export const IAM = {
  ...scenario("310000000002", "AcIam0001", "aciamclient000000000000001", "iam_echo_agent-Im4nR8sT2v", "ap-northeast-1:4d2a1b3f-8c5e-4f60-8b72-1e3f4a5b6c72"),
  gatewayId: "aciam-gateway-p5r8t1w3yb",
};
export const WS_MISSING = scenario("310000000003", "AcWsPerm1", "acwspermclient000000000001", "ws_echo_agent-Ws3xY6zA1b", "ap-northeast-1:5e3b2c4a-9d6f-4071-8c83-2f4a5b6c7d83");
/** agentcore-user-id-permission-missing and agentcore-agent-failing (whose first runtime does not start). */
export const PER_USER = scenario("310000000041", "AcPerUsr1", "acperuserclient00000000001", "per_user_agent-Pu4sR7tK2c", "ap-northeast-1:6a1b2c3d-4e5f-4061-8c72-3d4e5f6a7b41");
export const FAILING = scenario("310000000042", "AcFaulty1", "acfaultyclient000000000001", "crashing_agent-Cr5sH8aG3d", "ap-northeast-1:7b2c3d4e-5f60-4172-9d83-4e5f6a7b8c42");
export const AUD = scenario("310000000004", "AcAudMis1", "acaudmisclient000000000001", "aud_echo_agent-Au9cD2eF5g");
/** agentcore-cross-account: the caller's pools and role in 310000000005, the runtimes in 310000000006. */
export const XACCT = {
  ...scenario("310000000006", "AcXacct01", "acxacctclient0000000000001", "partner_echo_agent-Xa1bC2dE3f", "ap-northeast-1:6f4c3d5b-0e7a-4182-9d94-3a5b6c7d8e94"),
  sharedRuntimeArn: "arn:aws:bedrock-agentcore:ap-northeast-1:310000000006:runtime/shared_echo_agent-Xs4tU5vW6x",
};
/** updated-issuer.json: a pool with the UPDATED issuer; the runtime's discoveryUrl has the ORIGINAL form, the gateway's the UPDATED one. */
export const UPDATED_ISSUER = {
  ...scenario("310000000007", "UpdIss001", "updissuerclient00000000001", "updiss_echo_agent-Ui3sQ8wLp2"),
  gatewayId: "updiss-gateway-q7w2e9r4tz",
};
/** agentcore-custom-claims.json: customClaims tenant_id EQUALS acme; the pool's V1_0 trigger adds tenant_id to ID tokens only. */
export const CUSTOM_CLAIMS = {
  ...scenario("310000000011", "CusClm001", "cusclmclient00000000000001", "claims_echo_agent-Cc4tN8vR2w"),
  gatewayId: "claims-gateway-t3n8q5w2ka",
};
/** agentcore-custom-claims-fixed.json: the same rule; a V3_0 trigger writes tenant_id into access tokens too, client credentials included. */
export const CUSTOM_CLAIMS_FIXED = {
  ...scenario("310000000012", "CusClmFx1", "cusclmfixclient00000000001", "claims_fixed_agent-Cf5uP9wS3x"),
  gatewayId: "claims-fixed-gateway-u4p9r6x3lb",
  m2m: { clientId: "cusclmfixm2mclient00000001", secret: "sandboxCustomClaimsM2mSecretEXAMPLE00000000000001", domain: "custom-claims-fixed-demo" },
};

const DEMO_LOGIN = { email: "demo@example.com", password: "Demo-Passw0rd!" };
export const SESSION = "session-0123456789abcdef0123456789abcdef";

type Scenario = { clientId: string; userPoolId: string; identityPoolId?: string };

export const tokensFor = (base: string, s: Scenario): Promise<Tokens> => signIn(base, DEMO_LOGIN.email, DEMO_LOGIN.password, s.clientId);

export async function credentialsFor(base: string, s: Scenario): Promise<AwsCredentials> {
  const tokens = await tokensFor(base, s);
  return identityCredentials(base, tokens.idToken, { identityPoolId: s.identityPoolId!, userPoolId: s.userPoolId });
}

export const invokeUrl = (base: string, arn: string, qualifier = "DEFAULT") => runtimeInvokeUrl(`${base}/agentcore`, arn, qualifier);

interface Answer {
  status: number;
  errorType: string | null;
  headers: Headers;
  text: string;
  message?: string;
}

export async function send(url: string, headers: Record<string, string>, body = '{"prompt":"hello agent"}', method = "POST"): Promise<Answer> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json", ...headers }, body: method === "GET" ? undefined : body });
  const text = await response.text();
  let message: string | undefined;
  try {
    message = (JSON.parse(text) as { message?: string }).message;
  } catch {
    // a stream or plain text
  }
  return { status: response.status, errorType: response.headers.get("x-amzn-errortype"), headers: response.headers, text, ...(message ? { message } : {}) };
}

/** Node's `ws` as the probe's socket factory; a refused upgrade's status and body become `refusal`. */
export function nodeSocketFactory(headers?: Record<string, string>): WebSocketFactory {
  return (url, protocols) => {
    const socket = new WebSocket(url, protocols, headers ? { headers } : {}) as unknown as WebSocketLike & { refusal?: UpgradeRefusal };
    (socket as unknown as WebSocket).on("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        let message: string | undefined;
        try {
          message = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { message?: string }).message;
        } catch {
          // no JSON body
        }
        const errorType = res.headers["x-amzn-errortype"];
        socket.refusal = { status: res.statusCode ?? 0, ...(typeof errorType === "string" ? { errorType } : {}), ...(message ? { message } : {}) };
        socket.onclose?.({ code: 1006, reason: "" });
      });
    });
    return socket;
  };
}
