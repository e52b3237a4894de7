import type { TrailParseResult } from "./parse-stream";
import type { TrailEvent } from "./types";

/**
 * A parse result as it crosses from the file worker to the page. postMessage clones every object
 * of every kept record; for a 100 MB file that is tens of thousands of object graphs rebuilt on the
 * page's thread in one go. Sent as JSON text instead, a record costs one string copy, and the
 * page parses it only when something reads it (an expanded row, a verdict's highlights).
 */

export type PackedTrailEvent = Omit<TrailEvent, "record"> & { recordJson: string };
export type PackedTrailResult = Omit<TrailParseResult, "events"> & { events: PackedTrailEvent[] };

export function packTrailResult(result: TrailParseResult): PackedTrailResult {
  return { ...result, events: result.events.map(({ record, ...event }) => ({ ...event, recordJson: JSON.stringify(record) })) };
}

export function unpackTrailResult(packed: PackedTrailResult): TrailParseResult {
  return { ...packed, events: packed.events.map(withLazyRecord) };
}

function withLazyRecord({ recordJson, ...event }: PackedTrailEvent): TrailEvent {
  let record: Record<string, unknown> | undefined;
  return Object.defineProperty(event, "record", {
    enumerable: true,
    get: () => (record ??= JSON.parse(recordJson) as Record<string, unknown>),
  }) as TrailEvent;
}
