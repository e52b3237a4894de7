"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { SnippetCredentials } from "@/lib/http/credential-snippet";
import type { Environment } from "@/lib/config/environment";
import type { FailedCall } from "@/lib/cloudtrail/types";
import { TestCallMap, isDone, type TestCallKey } from "@/lib/test-calls/types";
import type { ReportInput } from "@/lib/report/report";
import { knownAccount } from "@/components/credentials/known-account";
import { initialAgentCore, type AgentCoreInputs } from "./agentcore-controls";
import { INITIAL_APPSYNC, type AppSyncInputs } from "./appsync-controls";
import { AGENTCORE_AXIS, AGENTCORE_COLUMN_AXIS, APPSYNC_AXIS, appSyncColumns, EVENTS_AXIS, EVENTS_COLUMN_AXIS, plannedTestCalls } from "./axes";
import { readRun, saveRun, type SavedRun } from "./saved-run";
import { useCallRuns } from "./use-call-runs";

/**
 * Everything behind the Calls page: the inputs (query, prompt, timeout), "Run all" (credentials,
 * cells, diagnosis, CloudTrail hand-off — components/calls/run-test-calls.ts, loaded on the first
 * run), the results as they arrive, the agents' streamed replies, and the failed cells /cloudtrail can
 * explain. The last finished run of the environment is kept for this tab (saved-run.ts) and shown
 * again, with its time, when the page is opened again. The page only renders what this returns.
 */
export function useTestCalls(environment: Environment) {
  // Read once, when the page opens for this environment (the view is keyed by it).
  const [restored] = useState<SavedRun | undefined>(() => readRun(environment.id));
  const [timeoutMs, setTimeoutMs] = useState(10_000);
  const [appSync, setAppSync] = useState<AppSyncInputs>(INITIAL_APPSYNC);
  const [agentCore, setAgentCore] = useState<AgentCoreInputs>(initialAgentCore);
  const [notes, setNotes] = useState<string[]>(() => restored?.notes ?? []);
  const [replies, setReplies] = useState(() => restored?.replies ?? new TestCallMap<string>());
  const [trail, setTrail] = useState(() => restored?.trail ?? new TestCallMap<FailedCall>());
  // In memory only, never stored: what a cell's "Copy with my credentials" exports.
  const [credentials, setCredentials] = useState<SnippetCredentials | undefined>(undefined);
  /** When the results on screen were run, if they come from an earlier visit; null once run here. */
  const [restoredAt, setRestoredAt] = useState<number | null>(restored?.savedAt ?? null);
  const testCalls = useCallRuns(timeoutMs, restored);
  const { run, queue, abandon } = testCalls;
  const finishedRun = useRef(false);

  const runAll = useCallback(async () => {
    // Answered on the click: every cell queued, the button disabled, before anything loads.
    const ticket = queue(plannedTestCalls(environment, appSync.subscription));
    setRestoredAt(null);
    setReplies(new TestCallMap());
    setTrail(new TestCallMap());
    setNotes([]);
    let ran = false;
    try {
      // The call machinery loads on the first run, not with the page.
      const { runTestCalls } = await import("./run-test-calls");
      const failures = await runTestCalls(
        { environment, appSync, agentCore },
        {
          onNotes: setNotes,
          onCredentials: setCredentials,
          onChunk: (key, text) => setReplies((r) => r.with(key, (r.get(key) ?? "") + text)),
          runCalls: (next, annotate) => ((ran = true), run(next, annotate, ticket)),
        },
      );
      if (failures) setTrail(failures);
      finishedRun.current = true;
    } catch (error) {
      setNotes([`The test calls could not start: ${(error as Error).message}`]);
    } finally {
      if (!ran) abandon(ticket);
    }
  }, [environment, appSync, agentCore, run, queue, abandon]);

  // A run that has ended is kept for this environment, so leaving the page does not lose it.
  const { results, running, wallMs } = testCalls;
  useEffect(() => {
    if (running || !finishedRun.current) return;
    const ended = results.values().filter((r) => isDone(r.outcome)).length;
    if (ended === 0) return;
    saveRun(environment.id, { savedAt: Date.now(), wallMs, notes, results, replies, trail });
  }, [environment.id, running, results, wallMs, notes, replies, trail]);

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
        testCalls: [...results].map(([{ row, column }, result]) => ({ row, column, ...callLabels(row, column, environment), result, diagnosis: result.diagnosis })),
      };
    },
    [environment, results],
  );

  const total = results.size;
  const done = results.values().filter((r) => isDone(r.outcome)).length;

  return {
    timeoutMs,
    setTimeoutMs,
    appSync,
    setAppSync,
    agentCore,
    setAgentCore,
    runAll,
    /** The last run's credentials (memory only), for copying a command with them. */
    credentials,
    /** Before-the-run notes, or why nothing could run. */
    notes,
    replies,
    results,
    running,
    wallMs,
    /** How far the run is: cells ended out of all its cells. */
    progress: { done, total },
    /** When the results shown were run, if they were restored from an earlier visit to the page. */
    restoredAt,
    exists: testCalls.exists,
    cancel: testCalls.cancel,
    cancelTestCall: testCalls.cancelTestCall,
    /** Runs one cell again, from the browser or through the dashboard's relay. */
    rerun: testCalls.rerun,
    canRerun: testCalls.canRerun,
    /** The CloudTrail hand-off of a failed IAM cell, if it has one. */
    cloudTrailOf: (key: TestCallKey) => trail.get(key),
    report,
  };
}

/** A cell's row and credential as the page names them, for the report. */
function callLabels(row: string, column: string, environment: Environment): { rowLabel?: string; columnLabel?: string } {
  const columns = row.startsWith("appsync") ? appSyncColumns(environment.appSync[0]) : row.startsWith("events-") ? EVENTS_COLUMN_AXIS : AGENTCORE_COLUMN_AXIS;
  const rowAxis = [...APPSYNC_AXIS, ...EVENTS_AXIS, ...AGENTCORE_AXIS].find((a) => a.id === row);
  const columnAxis = columns.find((a) => a.id === column);
  return {
    ...(rowAxis ? { rowLabel: rowAxis.label } : {}),
    ...(columnAxis ? { columnLabel: columnAxis.group ? `${columnAxis.label}, ${columnAxis.group}` : columnAxis.label } : {}),
  };
}
