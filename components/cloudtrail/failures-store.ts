"use client";

import { useSyncExternalStore } from "react";
import type { FailedCall } from "@/lib/cloudtrail/types";

/**
 * The failed calls of the last test-call run, handed to /cloudtrail. The test calls call
 * `recordFailures(failures)` when a run ends; the CloudTrail page reads them with `useFailures()`.
 * Kept in memory and in sessionStorage (this tab only, gone when it closes), so a reload of
 * /cloudtrail still has them. Only ids and times are stored — never secrets (an access key *id* is
 * not one; the secret and session token never reach this store).
 */

interface RecordedFailures {
  failures: readonly FailedCall[];
  /** When the run recorded them (ms since the epoch); 0 when nothing was recorded. */
  recordedAt: number;
}

const STORAGE_KEY = "auth-flow-debugger.trail-failures";
/** A test-call run has a few dozen cells; anything beyond this is not a run. */
const MAX_FAILURES = 100;
const EMPTY: RecordedFailures = { failures: [], recordedAt: 0 };

let current: RecordedFailures | null = null;
const listeners = new Set<() => void>();

const FIELDS = ["at", "variant", "label", "identityId", "identityPoolId", "accessKeyId", "expectedRoleArn", "action", "resource"] as const;

/** Keeps only the known string fields, so nothing else (a secret by mistake) is persisted. */
export function cleanFailure(failure: FailedCall): FailedCall | null {
  if (typeof failure?.at !== "string" || !Number.isFinite(Date.parse(failure.at))) return null;
  const out: FailedCall = { at: failure.at };
  for (const field of FIELDS) {
    const value = failure[field];
    if (typeof value === "string" && value !== "" && value.length <= 2048) out[field] = value;
  }
  return out;
}

function read(): RecordedFailures {
  if (current) return current;
  current = EMPTY;
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "null") as RecordedFailures | null;
    if (stored && Array.isArray(stored.failures)) {
      current = { failures: stored.failures.map(cleanFailure).filter((f): f is FailedCall => f !== null), recordedAt: Number(stored.recordedAt) || 0 };
    }
  } catch {
    // Storage refused or damaged: start empty.
  }
  return current;
}

/** Replaces the recorded failures with this run's (an empty list clears them). */
export function recordFailures(failures: readonly FailedCall[]): void {
  const next: RecordedFailures = { failures: failures.map(cleanFailure).filter((f): f is FailedCall => f !== null).slice(0, MAX_FAILURES), recordedAt: Date.now() };
  current = next;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or full storage: the in-memory copy still serves this page.
  }
  for (const listener of listeners) listener();
}

export function clearFailures(): void {
  recordFailures([]);
}

export function useFailures(): RecordedFailures {
  return useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    () => (typeof window === "undefined" ? EMPTY : read()),
    () => EMPTY,
  );
}
