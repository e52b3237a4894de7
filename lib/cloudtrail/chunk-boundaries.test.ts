import { describe, expect, it } from "vitest";
import { normalizeRecord } from "./normalize";
import { parseTrailStream, type TrailParseResult } from "./parse-stream";
import { otherRecord, webIdentityRecord } from "./test-support/records";

/**
 * Where the bytes of a file are cut into chunks (disk reads, gzip output, a browser's File
 * stream) must never change what is read: not inside a record, a string, an escape, or a
 * character of several bytes.
 */

function streamOf(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const pieces = [...cuts, bytes.length].map((cut, i, all) => bytes.slice(i === 0 ? 0 : all[i - 1], cut)).filter((p) => p.length > 0);
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

const wanted = { ...webIdentityRecord({ time: "2025-02-24T14:01:00Z", accessKeyId: "ASIASPLIT00000000001" }), note: 'é 日本 😀 "quoted" \\ {[' };
const other = { ...otherRecord("2025-02-24T14:02:00Z"), note: "ü" };
// A byte-order mark in front, as some Windows tools write.
const file = new TextEncoder().encode(`\uFEFF${JSON.stringify({ Records: [other, wanted, other] }, null, 1)}`);

const essence = (r: TrailParseResult) => ({ records: r.records, matches: r.matches, malformed: r.malformed.count, truncated: r.truncated, eventNames: r.eventNames, events: r.events });

describe("chunk boundaries", () => {
  it("reads the same records when the bytes are cut at any single offset", async () => {
    const whole = essence(await parseTrailStream(streamOf(file, [])));
    expect(whole).toMatchObject({ records: 3, matches: 1, malformed: 0, truncated: null });
    const expected = normalizeRecord(wanted as Record<string, unknown>);
    expect(expected.ok && whole.events).toEqual(expected.ok && [expected.event]);
    for (let cut = 1; cut < file.length; cut++) {
      expect(essence(await parseTrailStream(streamOf(file, [cut]))), `cut at byte ${cut}`).toEqual(whole);
    }
  });

  it("reads the same records from chunks larger than a decoded piece (1 MiB reads, as the CLI makes)", async () => {
    const keys = Array.from({ length: 900 }, (_, i) => `ASIABIG${String(i).padStart(13, "0")}`);
    const many = keys.map((accessKeyId, i) => ({ ...webIdentityRecord({ time: "2025-02-24T14:01:00Z", accessKeyId }), note: "日本".repeat(i % 7) }));
    const bytes = new TextEncoder().encode(JSON.stringify({ Records: many }, null, 2));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const big = await parseTrailStream(streamOf(bytes, [1 << 20]));
    const small = await parseTrailStream(streamOf(bytes, Array.from({ length: Math.floor(bytes.length / 4093) }, (_, i) => (i + 1) * 4093)));
    expect(essence(big)).toEqual(essence(small));
    expect(big.events.map((e) => e.issuedAccessKeyId)).toEqual(keys);
  });
});
