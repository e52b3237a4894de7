"use client";

import { useCallback, useRef, useState } from "react";
import type { AthenaMessage, AthenaRequestInput } from "@/lib/cloudtrail/athena/request-schema";
import { readNdjson } from "@/lib/cloudtrail/lookup/messages";
import { normalizeRecord } from "@/lib/cloudtrail/normalize";
import type { TrailEvent } from "@/lib/cloudtrail/types";

/**
 * An Athena query through /api/cloudtrail/athena: the query's state and data scanned as they
 * change, the rows turned into events with the file parser's normalizer, cancellable (stopping
 * the read aborts the request; the server then stops the query). Credentials go into this one
 * request body and nowhere else.
 */

export type AthenaState =
  | { status: "idle" }
  | { status: "running"; state: string; dataScannedBytes: number; rows: number; elapsedMs: number; sql?: string }
  | { status: "done"; dataScannedBytes: number; rows: number; elapsedMs: number; truncated: boolean; queryExecutionId: string; sql: string; at: number }
  | { status: "error"; code: string; message: string; sql?: string };

export interface AthenaResult {
  events: TrailEvent[];
  coverage: { startMs: number; endMs: number };
}

export function useAthena() {
  const [state, setState] = useState<AthenaState>({ status: "idle" });
  const [result, setResult] = useState<AthenaResult | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (request: AthenaRequestInput, accessToken?: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "running", state: "SUBMITTING", dataScannedBytes: 0, rows: 0, elapsedMs: 0 });
    const events: TrailEvent[] = [];
    const seen: { sql?: string; coverage?: { startMs: number; endMs: number }; scanned: number; rows: number; final: AthenaState | null } = { scanned: 0, rows: 0, final: null };
    try {
      const response = await fetch("/api/cloudtrail/athena", {
        method: "POST",
        headers: { "content-type": "application/json", ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
        body: JSON.stringify(request),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        setState({ status: "error", code: problem.code ?? `http-${response.status}`, message: problem.message ?? `The server answered ${response.status}.` });
        return;
      }
      await readNdjson(response.body, (line) => {
        const m = line as unknown as AthenaMessage;
        if (m.type === "start") {
          seen.sql = m.sql;
          seen.coverage = { startMs: Date.parse(m.startTime), endMs: Date.parse(m.endTime) };
          setState({ status: "running", state: "SUBMITTING", dataScannedBytes: 0, rows: 0, elapsedMs: 0, sql: m.sql });
        } else if (m.type === "started") {
          setState({ status: "running", state: "QUEUED", dataScannedBytes: 0, rows: 0, elapsedMs: m.elapsedMs, ...(seen.sql ? { sql: seen.sql } : {}) });
        } else if (m.type === "progress") {
          seen.scanned = m.dataScannedBytes;
          setState({ status: "running", state: m.state, dataScannedBytes: m.dataScannedBytes, rows: 0, elapsedMs: m.elapsedMs, ...(seen.sql ? { sql: seen.sql } : {}) });
        } else if (m.type === "rows") {
          for (const record of m.records) {
            const normalized = normalizeRecord(record);
            if (normalized.ok) events.push(normalized.event);
          }
          seen.rows = m.rows;
          setState({ status: "running", state: "READING RESULTS", dataScannedBytes: seen.scanned, rows: m.rows, elapsedMs: m.elapsedMs, ...(seen.sql ? { sql: seen.sql } : {}) });
        } else if (m.type === "done") {
          seen.final = { status: "done", dataScannedBytes: m.dataScannedBytes, rows: m.rows, elapsedMs: m.elapsedMs, truncated: m.truncated, queryExecutionId: m.queryExecutionId, sql: seen.sql ?? "", at: Date.now() };
        } else if (m.type === "error") {
          seen.final = { status: "error", code: m.code, message: m.message, ...(seen.sql ? { sql: seen.sql } : {}) };
        }
      });
    } catch (error) {
      setState(abort.signal.aborted ? { status: "error", code: "cancelled", message: "The query was cancelled." } : { status: "error", code: "network", message: `The query stopped: ${(error as Error).message}` });
      return;
    }
    const final = seen.final ?? { status: "error", code: "incomplete", message: "The query ended without finishing (connection dropped)." };
    setState(final);
    if (final.status === "done" && seen.coverage) setResult({ events, coverage: seen.coverage });
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, result, run, cancel };
}
