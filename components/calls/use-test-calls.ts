"use client";

import { useCallback, useState } from "react";
import type { Environment } from "@/lib/config/environment";
import type { FailedCall } from "@/lib/cloudtrail/types";
import { TestCallMap, type TestCallKey } from "@/lib/test-calls/types";
import type { ReportInput } from "@/lib/report/report";
import { knownAccount } from "@/components/credentials/known-account";
import { AGENTCORE_AXIS, AGENTCORE_COLUMN_AXIS, APPSYNC_AXIS, appSyncColumns } from "./axes";
import { initialAgentCore, type AgentCoreInputs } from "./agentcore-controls";
import { INITIAL_APPSYNC, type AppSyncInputs } from "./appsync-controls";
import { useCallRuns } from "./use-call-runs";

/**
 * Everything behind the Calls page: the inputs (query, prompt, timeout), "Run all" (credentials,
 * cells, diagnosis, CloudTrail hand-off — components/calls/run-test-calls.ts, loaded on the first
 * run), the results as they arrive, the agents' streamed replies, and the failed cells /cloudtrail can
 * explain. The page only renders what this returns.
 */
export function useTestCalls(environment: Environment) {
  const [timeoutMs, setTimeoutMs] = useState(10_000);
  const [appSync, setAppSync] = useState<AppSyncInputs>(INITIAL_APPSYNC);
  const [agentCore, setAgentCore] = useState<AgentCoreInputs>(initialAgentCore);
  const [notes, setNotes] = useState<string[]>([]);
  const [replies, setReplies] = useState(() => new TestCallMap<string>());
  const [trail, setTrail] = useState(() => new TestCallMap<FailedCall>());
  const testCalls = useCallRuns(timeoutMs);
  const { run } = testCalls;

  const runAll = useCallback(async () => {
    setReplies(new TestCallMap());
    // The call machinery loads on the first run, not with the page.
    const { runTestCalls } = await import("./run-test-calls");
    const failures = await runTestCalls(
      { environment, appSync, agentCore },
      {
        onNotes: setNotes,
        onChunk: (key, text) => setReplies((r) => r.with(key, (r.get(key) ?? "") + text)),
        runCalls: run,
      },
    );
    if (failures) setTrail(failures);
  }, [environment, appSync, agentCore, run]);

  /** The run as a report (lib/report redacts it). */
  const report = useCallback(
    (): ReportInput => {
      const account = knownAccount(environment.id);
      return {
        title: `Test calls: ${environment.name}`,
        generatedAt: new Date(),
        origin: window.location.origin,
        environment: environment,
        ...(account ? { account } : {}),
        testCalls: [...testCalls.results].map(([{ row, column }, result]) => ({ row, column, ...callLabels(row, column, environment), result, diagnosis: result.diagnosis })),
      };
    },
    [environment, testCalls.results],
  );

  return {
    timeoutMs,
    setTimeoutMs,
    appSync,
    setAppSync,
    agentCore,
    setAgentCore,
    runAll,
    /** Before-the-run notes, or why nothing could run. */
    notes,
    replies,
    results: testCalls.results,
    running: testCalls.running,
    wallMs: testCalls.wallMs,
    exists: testCalls.exists,
    cancel: testCalls.cancel,
    cancelTestCall: testCalls.cancelTestCall,
    /** Runs one cell again, from the browser or through the dashboard's relay. */
    rerun: testCalls.rerun,
    /** The CloudTrail hand-off of a failed IAM cell, if it has one. */
    cloudTrailOf: (key: TestCallKey) => trail.get(key),
    report,
  };
}

/** A cell's row and credential as the page names them, for the report. */
function callLabels(row: string, column: string, environment: Environment): { rowLabel?: string; columnLabel?: string } {
  const columns = row.startsWith("appsync") ? appSyncColumns(environment.appSync[0]) : AGENTCORE_COLUMN_AXIS;
  const rowAxis = [...APPSYNC_AXIS, ...AGENTCORE_AXIS].find((a) => a.id === row);
  const columnAxis = columns.find((a) => a.id === column);
  return {
    ...(rowAxis ? { rowLabel: rowAxis.label } : {}),
    ...(columnAxis ? { columnLabel: columnAxis.group ? `${columnAxis.label}, ${columnAxis.group}` : columnAxis.label } : {}),
  };
}
