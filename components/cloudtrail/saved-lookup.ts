"use client";

import { redactJson } from "@/lib/redact";
import type { TrailEvent } from "@/lib/cloudtrail/types";
import type { LookupResult, LookupState } from "./use-lookup";

/**
 * The last live LookupEvents result of each environment, kept in sessionStorage (this tab only),
 * so leaving /cloudtrail and coming back shows the same events and verdicts instead of asking for
 * keys again. The credentials the lookup used are never part of it (they live in the form only);
 * the events are stored as the page shows them, each record redacted as a report is (lib/redact:
 * session tokens, secrets, signatures). The key *ids* of the normalised fields stay whole, as in
 * the failures store: they are what a verdict matches a failed call by, and no secret.
 */

const PREFIX = "auth-flow-debugger.cloudtrail-lookup.";
/** sessionStorage holds about 5 MB per origin; a look-up bigger than this is not kept. */
const MAX_STORED_CHARS = 2_000_000;

type Done = Extract<LookupState, { status: "done" }>;

export interface SavedLookup {
  state: Done;
  result: LookupResult;
  lookBackMs: number;
}

export function saveLookup(environmentId: string, saved: SavedLookup): void {
  const events = saved.result.events.map(({ issuedAccessKeyId, callerAccessKeyId, ...rest }: TrailEvent) => ({
    ...(redactJson(rest) as Omit<TrailEvent, "issuedAccessKeyId" | "callerAccessKeyId">),
    ...(issuedAccessKeyId ? { issuedAccessKeyId } : {}),
    ...(callerAccessKeyId ? { callerAccessKeyId } : {}),
  }));
  try {
    const text = JSON.stringify({ ...saved, result: { ...saved.result, events } });
    if (text.length > MAX_STORED_CHARS) return window.sessionStorage.removeItem(PREFIX + environmentId);
    window.sessionStorage.setItem(PREFIX + environmentId, text);
  } catch {
    // Private mode or full storage: the look-up is still on screen, only not kept.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const isEvent = (e: unknown): e is TrailEvent =>
  isObject(e) && typeof e.eventId === "string" && typeof e.eventName === "string" && typeof e.eventTime === "string" && typeof e.timeMs === "number" && isObject(e.record);

export function readLookup(environmentId: string): SavedLookup | undefined {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(PREFIX + environmentId) ?? "null");
    if (!isObject(raw) || !isObject(raw.state) || !isObject(raw.result)) return undefined;
    const { state, result } = raw;
    if (state.status !== "done" || typeof state.at !== "number" || typeof result.region !== "string" || !Array.isArray(result.events) || !isObject(result.coverage)) return undefined;
    const { startMs, endMs } = result.coverage;
    if (typeof startMs !== "number" || typeof endMs !== "number") return undefined;
    const number = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
    return {
      state: {
        status: "done",
        pages: number(state.pages),
        events: number(state.events),
        elapsedMs: number(state.elapsedMs),
        complete: state.complete === true,
        ...(typeof state.note === "string" ? { note: state.note } : {}),
        at: state.at,
      },
      result: { events: result.events.filter(isEvent), region: result.region, coverage: { startMs, endMs } },
      lookBackMs: number(raw.lookBackMs) || 15 * 60_000,
    };
  } catch {
    return undefined;
  }
}
