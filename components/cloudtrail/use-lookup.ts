"use client";

import { useCallback, useRef, useState } from "react";
import { readNdjson } from "@/lib/cloudtrail/lookup/messages";
import type { LookupRequestInput } from "@/lib/cloudtrail/lookup/request-schema";
import { normalizeRecord } from "@/lib/cloudtrail/normalize";
import type { TrailEvent } from "@/lib/cloudtrail/types";

/**
 * A live LookupEvents run through /api/cloudtrail: progress as pages arrive, events normalised
 * on arrival, cancellable (stopping the read aborts the request, which stops the server's
 * paging). Credentials go into this one request body and nowhere else.
 */

export type LookupState =
  | { status: "idle" }
  | { status: "running"; pages: number; events: number; elapsedMs: number; throttled: number }
  | { status: "done"; pages: number; events: number; elapsedMs: number; complete: boolean; note?: string; at: number }
  | { status: "error"; code: string; message: string };

export interface LookupResult {
  events: TrailEvent[];
  region: string;
  coverage: { startMs: number; endMs: number };
}

export function useLookup() {
  const [state, setState] = useState<LookupState>({ status: "idle" });
  const [result, setResult] = useState<LookupResult | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (request: LookupRequestInput, accessToken?: string): Promise<{ state: Extract<LookupState, { status: "done" }>; result: LookupResult } | null> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "running", pages: 0, events: 0, elapsedMs: 0, throttled: 0 });
    const events: TrailEvent[] = [];
    let throttled = 0;
    // Set from inside the reader's callback; a holder keeps TypeScript's narrowing honest.
    const final: { state: LookupState | null } = { state: null };
    try {
      const response = await fetch("/api/cloudtrail", {
        method: "POST",
        headers: { "content-type": "application/json", ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
        body: JSON.stringify(request),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        setState({ status: "error", code: problem.code ?? `http-${response.status}`, message: problem.message ?? `The server answered ${response.status}.` });
        return null;
      }
      await readNdjson(response.body, (message) => {
        if (message.type === "page") {
          for (const record of message.records) {
            const normalized = normalizeRecord(record);
            if (normalized.ok) events.push(normalized.event);
          }
          setState({ status: "running", pages: message.pages, events: message.events, elapsedMs: message.elapsedMs, throttled });
        } else if (message.type === "throttled") {
          throttled++;
        } else if (message.type === "done") {
          final.state = { status: "done", pages: message.pages, events: message.events, elapsedMs: message.elapsedMs, complete: message.complete, ...(message.note ? { note: message.note } : {}), at: Date.now() };
        } else if (message.type === "error") {
          final.state = { status: "error", code: message.code, message: message.message };
        }
      });
    } catch (error) {
      if (abort.signal.aborted) {
        setState({ status: "error", code: "cancelled", message: "The lookup was cancelled." });
        return null;
      }
      setState({ status: "error", code: "network", message: `The lookup stopped: ${(error as Error).message}` });
      return null;
    }
    const done: LookupState = final.state ?? { status: "error", code: "incomplete", message: "The lookup ended without finishing (connection dropped)." };
    setState(done);
    if (done.status !== "done") return null;
    const next = { events, region: request.region, coverage: { startMs: Date.parse(request.startTime), endMs: Date.parse(request.endTime) } };
    setResult(next);
    return { state: done, result: next };
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  /** Shows a look-up kept from an earlier visit (saved-lookup.ts), or nothing. */
  const restore = useCallback((saved: { state: LookupState; result: LookupResult } | undefined) => {
    controller.current?.abort();
    setState(saved?.state ?? { status: "idle" });
    setResult(saved?.result ?? null);
  }, []);
  return { state, result, run, cancel, restore };
}
