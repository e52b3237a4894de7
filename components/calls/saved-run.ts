"use client";

import { redactJson, redactText } from "@/lib/redact";
import type { FailedCall } from "@/lib/cloudtrail/types";
import { TestCallMap, isDone, type TestCallKey, type TestCallOutcome, type TestCallResult } from "@/lib/test-calls/types";
import { cleanFailure } from "@/components/cloudtrail/failures-store";

/**
 * The last finished test-call run of each environment, kept in sessionStorage (this tab only, gone
 * when it closes), so leaving the page — "How to fix it", CloudTrail — and coming back shows the
 * same results instead of an empty grid. What is stored is what the page shows, redacted as a
 * report is (lib/redact): token signatures, API keys, secrets and session tokens never reach
 * storage. The CloudTrail hand-off keeps the failures store's fields (ids and times, no secret).
 */

const PREFIX = "auth-flow-debugger.test-calls.";
/** Far above a real run (a few dozen cells, a few KB each); anything bigger is not stored. */
const MAX_STORED_CHARS = 1_000_000;

export interface SavedRun {
  /** When the run finished (ms since the epoch). */
  savedAt: number;
  wallMs: number | null;
  notes: string[];
  results: TestCallMap<TestCallResult>;
  replies: TestCallMap<string>;
  trail: TestCallMap<FailedCall>;
}

type Cell<T> = [row: string, column: string, value: T];

const cells = <T>(map: TestCallMap<T>, value: (v: T) => unknown): Cell<unknown>[] => [...map].map(([{ row, column }, v]) => [row, column, value(v)]);

export function saveRun(environmentId: string, run: SavedRun): void {
  const stored = {
    savedAt: run.savedAt,
    wallMs: run.wallMs,
    notes: run.notes.map(redactText),
    // Only finished cells: a run left mid-way is not a result.
    results: cells(run.results, (r) => redactJson(r)).filter(([, , r]) => isDone((r as TestCallResult).outcome)),
    replies: cells(run.replies, redactText),
    trail: cells(run.trail, cleanFailure),
  };
  try {
    const text = JSON.stringify(stored);
    if (text.length > MAX_STORED_CHARS) return;
    window.sessionStorage.setItem(PREFIX + environmentId, text);
  } catch {
    // Private mode or full storage: the run is still on screen, only not kept.
  }
}

export function readRun(environmentId: string): SavedRun | undefined {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(PREFIX + environmentId) ?? "null");
    if (!isObject(raw) || typeof raw.savedAt !== "number" || !Array.isArray(raw.results)) return undefined;
    const results = mapOf(raw.results, resultOf);
    if (results.size === 0) return undefined;
    return {
      savedAt: raw.savedAt,
      wallMs: typeof raw.wallMs === "number" ? raw.wallMs : null,
      notes: Array.isArray(raw.notes) ? raw.notes.filter((n): n is string => typeof n === "string") : [],
      results,
      replies: mapOf(raw.replies, (v) => (typeof v === "string" ? v : undefined)),
      trail: mapOf(raw.trail, (v) => (isObject(v) ? (cleanFailure(v as unknown as FailedCall) ?? undefined) : undefined)),
    };
  } catch {
    // Storage refused or damaged: nothing to restore.
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function mapOf<T>(list: unknown, read: (value: unknown) => T | undefined): TestCallMap<T> {
  const out = new TestCallMap<T>();
  if (!Array.isArray(list)) return out;
  for (const entry of list) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "string") continue;
    const value = read(entry[2]);
    if (value !== undefined) out.set({ row: entry[0], column: entry[1] } satisfies TestCallKey, value);
  }
  return out;
}

const OUTCOMES: readonly TestCallOutcome[] = ["pass", "fail", "blocked", "not-run", "error"];

/** A stored cell, with only the fields the page reads and of the types it expects. */
function resultOf(value: unknown): TestCallResult | undefined {
  if (!isObject(value) || !OUTCOMES.includes(value.outcome as TestCallOutcome) || typeof value.summary !== "string") return undefined;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const answer: Record<string, string | number> = {};
  if (typeof value.status === "number") answer.status = value.status;
  for (const field of ["errorType", "message", "requestId", "unconfirmed", "source"] as const) {
    const v = text(value[field]);
    if (v !== undefined) answer[field] = v;
  }
  const result: TestCallResult = { outcome: value.outcome as TestCallOutcome, summary: value.summary, ...answer };
  if (typeof value.latencyMs === "number") result.latencyMs = value.latencyMs;
  if (value.path === "browser" || value.path === "relay") result.path = value.path;
  if (isObject(value.detail)) {
    const d = value.detail;
    result.detail = {
      ...(text(d.request) !== undefined ? { request: text(d.request) } : {}),
      ...(text(d.command) !== undefined ? { command: text(d.command) } : {}),
      ...(text(d.response) !== undefined ? { response: text(d.response) } : {}),
      ...(Array.isArray(d.notes) ? { notes: d.notes.filter((n): n is string => typeof n === "string") } : {}),
    };
  }
  const diagnosis = value.diagnosis;
  if (isObject(diagnosis) && typeof diagnosis.id === "string" && typeof diagnosis.title === "string" && typeof diagnosis.cause === "string") {
    result.diagnosis = {
      id: diagnosis.id,
      title: diagnosis.title,
      cause: diagnosis.cause,
      ...(Array.isArray(diagnosis.evidence) ? { evidence: diagnosis.evidence.filter((e): e is string => typeof e === "string") } : {}),
    };
  }
  return result;
}
