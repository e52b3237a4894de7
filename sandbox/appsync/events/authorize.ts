import type { AwsRefusal } from "../../../lib/errors";
import type { JwksGetter } from "../../../lib/tokens";
import type { RequestContext } from "../../http/types";
import { authorizeIamRequest } from "../../iam/authorize";
import type { ApiConfig } from "../caller";
import { FAIL } from "../errors";
import { authenticateJwt } from "../jwt";
import type { EventAuthType, ScenarioEventApi } from "./scenario";

/**
 * Who may connect, publish and subscribe. Each operation has its own list of auth modes (the
 * API's connectionAuthModes; the namespace's publish / subscribe modes, else the API's
 * defaults), and the credentials a request carries pick one mode: a SigV4 `Authorization` is
 * AWS_IAM, any other `Authorization` a Cognito token, `x-api-key` an API key — the headers
 * Amplify sends for each (amplify-js AWSWebSocketProvider/authHeaders.ts, internals/events).
 * The token and signature checks are the GraphQL side's, so both answer alike.
 */

export interface EventApiConfig extends ScenarioEventApi {
  accountId: string;
}

export type EventOperation = "connect" | "publish" | "subscribe";

export interface EventCaller {
  mode: EventAuthType;
  detail: string;
}

export type EventAuthResult = { ok: true; caller: EventCaller } | { ok: false; failure: AwsRefusal };

export interface EventAuthEnv {
  baseUrl: string;
  now: number;
  getJwks: JwksGetter;
}

/** The request a SigV4 signature covers: the real HTTP publish, or the virtual POST a WebSocket message's headers sign. */
export type SignedRequest = Pick<RequestContext, "baseUrl" | "method" | "url" | "headers" | "body">;

const SIGV4 = /^AWS4-HMAC-SHA256\s/;

/**
 * unconfirmed: AppSync's answer when the credentials are of a mode the operation does not allow
 * (an API key on a namespace whose publish mode is AWS_IAM). No public capture shows it; the
 * sandbox gives AppSync's generic refusal and says so.
 */
export const MODE_NOT_ALLOWED: AwsRefusal = {
  status: 401,
  errorType: "UnauthorizedException",
  message: "You are not authorized to make this call.",
  unconfirmed: "AppSync Events' answer to credentials of a mode the namespace does not allow (the GraphQL side's generic refusal)",
};

export function modesFor(api: ScenarioEventApi, operation: EventOperation, namespace?: string): readonly EventAuthType[] {
  if (operation === "connect") return api.connectionAuthModes;
  const ns = api.channelNamespaces.find((n) => n.name === namespace);
  if (operation === "publish") return ns?.publishAuthModes ?? api.defaultPublishAuthModes;
  return ns?.subscribeAuthModes ?? api.defaultSubscribeAuthModes;
}

function modeOf(headers: Record<string, string | undefined>): EventAuthType | undefined {
  const authorization = headers["authorization"]?.trim();
  if (authorization) return SIGV4.test(authorization) ? "AWS_IAM" : "AMAZON_COGNITO_USER_POOLS";
  if (headers["x-api-key"]?.trim()) return "API_KEY";
  return undefined;
}

/**
 * IAM resources: connect on the API, publish and subscribe on the channel namespace
 * (`arn:aws:appsync:{region}:{account}:apis/{apiId}/channelNamespace/{name}`, the namespace ARN
 * that public grants of appsync:EventPublish / appsync:EventSubscribe name).
 */
function iamTarget(api: EventApiConfig, operation: EventOperation, namespace?: string) {
  const apiArn = `arn:aws:appsync:${api.region}:${api.accountId}:apis/${api.id}`;
  if (operation === "connect") return { action: "appsync:EventConnect", resource: apiArn };
  const action = operation === "publish" ? "appsync:EventPublish" : "appsync:EventSubscribe";
  return { action, resource: `${apiArn}/channelNamespace/${namespace}` };
}

export async function authorizeEvent(
  api: EventApiConfig,
  operation: EventOperation,
  namespace: string | undefined,
  headers: Record<string, string | undefined>,
  signed: () => SignedRequest,
  env: EventAuthEnv,
): Promise<EventAuthResult> {
  const mode = modeOf(headers);
  // Nothing to authenticate with: AppSync's missing-header refusal (amplify-js #4373 on the GraphQL side; unconfirmed for Event APIs).
  if (!mode) return { ok: false, failure: { ...FAIL.noValidHeader, unconfirmed: "AppSync Events' answer to a request without credentials" } };
  if (!modesFor(api, operation, namespace).includes(mode)) return { ok: false, failure: MODE_NOT_ALLOWED };

  switch (mode) {
    case "API_KEY": {
      const key = api.apiKeys.find((k) => k.id === headers["x-api-key"]?.trim());
      if (!key || Date.parse(key.expires) <= env.now) return { ok: false, failure: { ...FAIL.apiKey, unconfirmed: "AppSync Events' wording for a wrong or expired API key" } };
      return { ok: true, caller: { mode, detail: "API_KEY" } };
    }
    case "AMAZON_COGNITO_USER_POOLS": {
      // The GraphQL side's user-pool rules (lib/tokens' AppSync authorizer): the same token is judged the same way.
      const asGraphql = {
        modes: new Set(["AMAZON_COGNITO_USER_POOLS"]),
        userPoolConfig: { ...api.cognitoConfig!, defaultAction: "ALLOW" as const },
      } as unknown as ApiConfig;
      const result = await authenticateJwt(asGraphql, headers["authorization"]!.trim(), env);
      if (!result.ok) return { ok: false, failure: { ...result.failure, unconfirmed: result.failure.unconfirmed ?? "AppSync Events' wording (the GraphQL API's is shown)" } };
      return { ok: true, caller: { mode, detail: result.caller.detail } };
    }
    case "AWS_IAM": {
      const target = iamTarget(api, operation, namespace);
      const result = await authorizeIamRequest(signed() as RequestContext, { service: "appsync", region: api.region, ...target, family: "appsync" });
      if (result.ok) return { ok: true, caller: { mode, detail: `AWS_IAM: ${result.caller.assumedRoleArn}` } };
      if (result.stage === "signature" && /signature we calculated does not match/.test(result.message)) {
        // Over the Event API a signature that does not match is BadRequestException with the
        // SigV4 text (amplify-js #14001 on connect, aws/aws-appsync-community #400 on a WebSocket
        // publish). The real message goes on with the canonical string AppSync expected.
        return { ok: false, failure: { status: 400, errorType: "BadRequestException", message: result.message } };
      }
      const unconfirmed = result.stage === "policy" ? `AppSync Events' wording when the policy lacks ${target.action}` : "AppSync Events' answer to this signature problem";
      return { ok: false, failure: { status: result.status, errorType: result.errorType, message: result.message, unconfirmed } };
    }
  }
}
