import type { AppSyncApi, Environment } from "@/lib/config/environment";
import { APPSYNC_ROWS } from "@/lib/appsync/test-calls";
import { EVENT_ROW_LABEL, EVENT_ROWS } from "@/lib/appsync/events/test-calls";
import { EVENT_VARIANTS } from "@/lib/appsync/events/auth";
import { appSyncVariantsFor, VARIANT_LABEL } from "@/lib/appsync/variants";
import { AGENTCORE_COLUMNS, AGENTCORE_ROWS, COLUMN_LABEL, HTTP_COLUMNS, ROW_LABEL, RUNTIME_HTTP_COLUMNS, WS_COLUMNS } from "@/lib/agentcore/variants";
import type { TestCallKey, TestCallAxis } from "@/lib/test-calls/types";

/** The rows and columns of the Calls page's two matrices, and how a cell is named. */

/** aws-amplify's own calls sit in the AppSync HTTP row, one column per auth mode of the API. */
export const AMPLIFY_ROW = APPSYNC_ROWS.http;
export const amplifyColumn = (mode: AppSyncApi["defaultAuthMode"]) => `amplify:${mode}`;

export const APPSYNC_AXIS: TestCallAxis[] = [
  { id: APPSYNC_ROWS.http, label: "AppSync HTTP" },
  { id: APPSYNC_ROWS.realtime, label: "AppSync realtime subscribe" },
];
/** An Event API: HTTP publish, WebSocket subscribe and WebSocket publish, by the credentials it can take. */
export const EVENTS_AXIS: TestCallAxis[] = Object.values(EVENT_ROWS).map((id) => ({ id, label: EVENT_ROW_LABEL[id] }));
export const EVENTS_COLUMN_AXIS: TestCallAxis[] = EVENT_VARIANTS.map((id) => ({ id, label: VARIANT_LABEL[id] }));
export const AGENTCORE_AXIS: TestCallAxis[] = Object.values(AGENTCORE_ROWS).map((id) => ({ id, label: ROW_LABEL[id] }));
export const AGENTCORE_COLUMN_AXIS: TestCallAxis[] = AGENTCORE_COLUMNS.map((id) => ({ id, label: COLUMN_LABEL[id] }));

/**
 * Every credential variant (the Lambda token only for an API with AWS_LAMBDA), then one column per
 * auth mode, sent through aws-amplify (AWS_LAMBDA with the token the user typed, as `authToken`).
 */
export function appSyncColumns(api: AppSyncApi | undefined): TestCallAxis[] {
  return [
    ...appSyncVariantsFor(api).map((v) => ({ id: v, label: VARIANT_LABEL[v] })),
    ...(api ? [api.defaultAuthMode, ...api.additionalAuthModes] : [])
      .filter((m, i, all) => all.indexOf(m) === i)
      .map((m) => ({ id: amplifyColumn(m), label: m, group: "as aws-amplify sends it" })),
  ];
}

/** "AppSync HTTP · ID token": a cell named by its row's and column's labels. */
export function describeTestCall({ row, column }: TestCallKey, axes: TestCallAxis[]): string {
  const label = (id: string) => axes.find((a) => a.id === id)?.label ?? id;
  return `${label(row)} · ${label(column)}`;
}

/**
 * The cells a "Run all" will have, known the moment it is clicked (before the call machinery has
 * loaded or the credentials are in), so every one of them can show "queued" at once. The layout
 * depends only on the environment and whether a subscription is given, never on the credentials;
 * axes.test.ts holds it to the cells build-test-calls.ts really builds.
 */
export function plannedTestCalls(environment: Environment, subscription: string): TestCallKey[] {
  const keys: TestCallKey[] = [];
  const api = environment.appSync[0];
  if (api) {
    for (const column of appSyncColumns(api)) keys.push({ row: APPSYNC_ROWS.http, column: column.id });
    if (subscription.trim()) for (const column of appSyncVariantsFor(api)) keys.push({ row: APPSYNC_ROWS.realtime, column });
  }
  if (environment.appSyncEvents?.[0]) {
    for (const row of Object.values(EVENT_ROWS)) for (const column of EVENT_VARIANTS) keys.push({ row, column });
  }
  if (environment.agentCore) {
    for (const column of RUNTIME_HTTP_COLUMNS) keys.push({ row: AGENTCORE_ROWS.http, column });
    for (const column of WS_COLUMNS) keys.push({ row: AGENTCORE_ROWS.ws, column });
    for (const column of HTTP_COLUMNS) keys.push({ row: AGENTCORE_ROWS.gateway, column });
  }
  return keys;
}
