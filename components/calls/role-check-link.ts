import { APPSYNC_ROWS } from "@/lib/appsync/test-calls";
import type { TestCallKey, TestCallResult } from "@/lib/test-calls/types";
import { amplifyColumn } from "./axes";
import type { AppSyncInputs } from "./appsync-controls";

/** Columns whose calls are signed with the identity pool's credentials: the role's policies decide them. */
const IAM_COLUMNS = new Set(["iam", "sigv4", amplifyColumn("AWS_IAM")]);

/**
 * For a refused IAM-signed cell, the role check with this call first and the operation it sent, so
 * the ARN it checks is the one the call needed. Only the operations travel in the link, never a
 * credential typed on the page (the Lambda token).
 */
export function roleCheckLink(key: TestCallKey, result: TestCallResult, appSync: Pick<AppSyncInputs, "query" | "subscription">): string | undefined {
  if (!IAM_COLUMNS.has(key.column) || result.outcome !== "fail") return undefined;
  const params = new URLSearchParams({ call: key.row });
  if (key.row === APPSYNC_ROWS.http && appSync.query.trim()) params.set("query", appSync.query);
  if (key.row === APPSYNC_ROWS.realtime && appSync.subscription.trim()) params.set("subscription", appSync.subscription);
  return `/policy?${params.toString()}`;
}
