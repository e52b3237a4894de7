import type { Environment } from "@/lib/config/environment";
import type { FailedCall } from "@/lib/cloudtrail/types";
import { appSyncEndpoints } from "@/lib/appsync/endpoints";
import { roleArnOf } from "@/lib/identity/explain";
import { TestCallMap, type TestCallResult } from "@/lib/test-calls/types";
import type { CredentialsState } from "@/components/credentials/credentials-store";

/** Cells whose failure CloudTrail can explain: the ones that used, or needed, identity-pool credentials. */
const IAM_COLUMNS = new Set(["iam", "sigv4", "amplify:AWS_IAM"]);

const LABEL: Record<string, string> = {
  "appsync-http": "AppSync HTTP",
  "appsync-realtime": "AppSync realtime",
  "agentcore-http": "AgentCore runtime HTTP",
  "agentcore-ws": "AgentCore runtime WebSocket",
  "gateway-mcp": "AgentCore gateway",
  "events-http-publish": "Events HTTP publish",
  "events-ws-subscribe": "Events WebSocket subscribe",
  "events-ws-publish": "Events WebSocket publish",
};

/**
 * One FailedCall per refused IAM cell, carrying everything the correlation needs: when, which
 * identity and key, the role the session expected, and the action and resource the call needed.
 */
export function cloudTrailFailures(
  environment: Environment,
  results: TestCallMap<TestCallResult>,
  credentials: CredentialsState,
  at: Date,
  firstField: string | undefined,
): TestCallMap<FailedCall> {
  const out = new TestCallMap<FailedCall>();
  const ok = credentials.status === "ok" ? credentials : undefined;
  const expectedRoleArn = ok?.callerArn ? roleArnOf(ok.callerArn) : undefined;
  const account = ok?.callerArn?.split(":")[4];
  for (const [key, result] of results) {
    const { row, column } = key;
    const failed = result.outcome === "fail" || (result.outcome === "not-run" && credentials.status === "error");
    if (!IAM_COLUMNS.has(column) || !failed) continue;
    const need = neededPermission(environment, row, account, firstField);
    out.set(key, {
      at: at.toISOString(),
      label: `${LABEL[row] ?? row} · ${column}`,
      variant: ok ? `identity pool (${ok.credentials.flow})` : "identity pool",
      identityPoolId: environment.identityPoolId,
      identityId: ok?.credentials.identityId,
      accessKeyId: ok?.credentials.accessKeyId,
      expectedRoleArn,
      ...need,
    });
  }
  return out;
}

function neededPermission(environment: Environment, row: string, account: string | undefined, field: string | undefined) {
  // Event APIs: the namespace ARN needs the API id, which the HTTP domain's first label is not (`aws appsync get-api` tells them apart).
  if (row.startsWith("events-")) return { action: row === "events-ws-subscribe" ? "appsync:EventSubscribe" : "appsync:EventPublish", resource: undefined };
  if (row.startsWith("appsync")) {
    const api = environment.appSync[0];
    const apiId = api ? appSyncEndpoints(api.url).apiId : undefined;
    const type = row === "appsync-realtime" ? "Subscription" : "Query";
    return {
      action: "appsync:GraphQL",
      resource: api && account && apiId ? `arn:aws:appsync:${api.region}:${account}:apis/${apiId}/types/${type}/fields/${field ?? "*"}` : undefined,
    };
  }
  if (row === "agentcore-ws") return { action: "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream", resource: environment.agentCore?.runtimeArn };
  if (row === "agentcore-http") return { action: "bedrock-agentcore:InvokeAgentRuntime", resource: environment.agentCore?.runtimeArn };
  return { action: "bedrock-agentcore:InvokeGateway", resource: undefined };
}

/** The first field an operation selects (`query { listNotes … }` → listNotes). */
export function firstFieldOf(query: string): string | undefined {
  return /\{\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(query.replace(/#[^\n]*/g, ""))?.[1];
}
