import type { Environment } from "../config/environment";
import { AGENTCORE_ROWS } from "../agentcore/variants";
import { APPSYNC_ROWS } from "../appsync/test-calls";
import { appSyncFieldArn } from "../iam/arn";
import { operationFields } from "./graphql-fields";
import { apiIdFromUrl, gatewayIdFromUrl } from "./ids";
import type { RequiredCall } from "./types";

/**
 * What each IAM-signed test call of an environment asks IAM for: the action and the exact
 * resource ARN(s) the service evaluates, each with its public source.
 *
 * - AppSync (AWS_IAM): `appsync:GraphQL` on every top-level field,
 *   `arn:aws:appsync:{region}:{account}:apis/{apiId}/types/{Type}/fields/{field}` (AppSync developer
 *   guide, AWS_IAM authorization, https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html;
 *   resource type `field` of the GraphQL action in the Service Authorization Reference,
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsappsync.html).
 * - AgentCore runtime: `bedrock-agentcore:InvokeAgentRuntime` (HTTP) and
 *   `bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream` (WebSocket) on the runtime ARN and on
 *   its endpoint, `{runtime ARN}/runtime-endpoint/{qualifier}` (Service Authorization Reference,
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html:
 *   resource types runtime and runtime-endpoint; a grant on the runtime ARN alone is refused:
 *   aws/aws-cdk#35864, aws-samples/remote-swe-agents#413 "runtime-endpoint/DEFAULT sub-resource,
 *   which is required for the actual invocation"). The WebSocket action is a separate grant
 *   (aws/aws-cdk#37495). Invoking for a user (the `X-Amzn-Bedrock-AgentCore-Runtime-User-Id`
 *   header, SigV4 callers) needs `bedrock-agentcore:InvokeAgentRuntimeForUser` as well, on the same
 *   two resources (InvokeAgentRuntime's documentation in the aws-sdk-js-v3 bedrock-agentcore model;
 *   devguide runtime-oauth.html: "will require a new IAM action:
 *   bedrock-agentcore:InvokeAgentRuntimeForUser"; aws-cdk's grantInvokeRuntimeForUser grants it on
 *   the runtime and its sub-resources, aws/aws-cdk#35864).
 * - AgentCore gateway with an AWS_IAM inbound authorizer: `bedrock-agentcore:InvokeGateway` on
 *   `arn:aws:bedrock-agentcore:{region}:{account}:gateway/{gatewayId}` (same reference, resource
 *   type gateway). A gateway with a JWT authorizer asks IAM nothing.
 */

export interface RequiredCallInputs {
  environment: Pick<Environment, "region" | "appSync" | "agentCore">;
  /** The account the resources live in (the credentials' caller identity, or typed in). */
  account?: string;
  /** The AppSync API id; defaults to the one read from the GraphQL URL (see apiIdFromUrl). */
  appSyncApiId?: string;
  /** The operation the test calls send over HTTP, and the subscription (with the mutation that fires it). */
  query?: string;
  subscription?: string;
  trigger?: string;
}

const ACCOUNT_PLACEHOLDER = "<account>";

export function requiredCalls(inputs: RequiredCallInputs): RequiredCall[] {
  const { environment } = inputs;
  const account = inputs.account?.trim() || ACCOUNT_PLACEHOLDER;
  const calls: RequiredCall[] = [];
  const api = environment.appSync[0];
  if (api) {
    const apiId = inputs.appSyncApiId?.trim() || apiIdFromUrl(api.url).apiId || "<apiId>";
    const region = api.region;
    const appsync = (row: string, label: string, query: string | undefined) => {
      if (!query?.trim()) return;
      const parsed = operationFields(query);
      if ("error" in parsed) {
        calls.push({ row, label, action: "appsync:GraphQL", resources: [], problem: parsed.error, source: APPSYNC_SOURCE });
        return;
      }
      if (parsed.fields.length === 0) {
        // unconfirmed: which resource AppSync authorises for an operation that selects only
        // introspection fields is not documented; nothing is evaluated for it.
        calls.push({ row, label, action: "appsync:GraphQL", resources: [], problem: "the operation selects only introspection fields: which resource AppSync checks for it is not documented (not confirmed)", source: APPSYNC_SOURCE });
        return;
      }
      calls.push({
        row,
        label: `${label}: ${parsed.type} ${parsed.fields.join(", ")}`,
        action: "appsync:GraphQL",
        resources: parsed.fields.map((field) => appSyncFieldArn(region, account, apiId, parsed.type, field)),
        source: APPSYNC_SOURCE,
      });
    };
    appsync(APPSYNC_ROWS.http, "AppSync HTTP", inputs.query);
    appsync(APPSYNC_ROWS.realtime, "AppSync realtime subscribe", inputs.subscription);
    appsync(APPSYNC_ROWS.realtime, "AppSync realtime trigger", inputs.trigger);
  }
  const agentCore = environment.agentCore;
  if (agentCore?.runtimeArn) {
    const endpoint = `${agentCore.runtimeArn}/runtime-endpoint/${agentCore.qualifier}`;
    calls.push({ row: AGENTCORE_ROWS.http, label: "Runtime: HTTP invocations", action: "bedrock-agentcore:InvokeAgentRuntime", resources: [agentCore.runtimeArn, endpoint], source: AGENTCORE_SOURCE });
    calls.push({
      row: AGENTCORE_ROWS.http,
      label: "Runtime: HTTP invocations for a user (only when the app sends X-Amzn-Bedrock-AgentCore-Runtime-User-Id)",
      action: "bedrock-agentcore:InvokeAgentRuntimeForUser",
      resources: [agentCore.runtimeArn, endpoint],
      source: AGENTCORE_SOURCE,
    });
    calls.push({ row: AGENTCORE_ROWS.ws, label: "Runtime: WebSocket stream", action: "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream", resources: [agentCore.runtimeArn, endpoint], source: AGENTCORE_SOURCE });
  }
  const gatewayId = agentCore?.gatewayUrl ? gatewayIdFromUrl(agentCore.gatewayUrl) : undefined;
  if (gatewayId) {
    calls.push({
      row: AGENTCORE_ROWS.gateway,
      label: "Gateway: MCP (AWS_IAM gateways only)",
      action: "bedrock-agentcore:InvokeGateway",
      resources: [`arn:aws:bedrock-agentcore:${environment.region}:${account}:gateway/${gatewayId}`],
      source: AGENTCORE_SOURCE,
    });
  }
  return calls;
}

const APPSYNC_SOURCE = "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html";
const AGENTCORE_SOURCE = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html";

export { apiIdFromUrl, gatewayIdFromUrl };
