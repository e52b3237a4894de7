import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relevantTo } from "./correlate";
import { isTrailFileError } from "./errors";
import { parseTrailStream, parseTrailText } from "./parse-stream";
import { TrailParser } from "./trail-parser";
import { SEED_001_RAW } from "./test-support/seed-001";
import { otherRecord, webIdentityRecord } from "./test-support/records";

const records = [
  otherRecord("2025-02-24T14:00:00Z"),
  webIdentityRecord({ time: "2025-02-24T14:01:00Z", accessKeyId: "ASIAFILE000000000001" }),
  otherRecord("2025-02-24T14:02:00Z", "GetCallerIdentity"),
  webIdentityRecord({ time: "2025-02-24T14:03:00Z", errorCode: "AccessDenied" }),
];
const trailLog = JSON.stringify({ Records: records }, null, 2);
const lookupOutput = JSON.stringify({
  Events: records.map((r) => ({ EventId: r["eventID"], EventName: r["eventName"], EventTime: r["eventTime"], CloudTrailEvent: JSON.stringify(r) })),
  NextToken: "abc",
});

const bytes = (text: string) => new TextEncoder().encode(text);
function streamOf(data: Uint8Array, chunk = 7): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i >= data.length) return controller.close();
      controller.enqueue(data.slice(i, (i += chunk)));
    },
  });
}
async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const keysOf = (r: { events: { issuedAccessKeyId?: string; errorCode?: string }[] }) => r.events.map((e) => e.issuedAccessKeyId ?? e.errorCode);

describe("formats", () => {
  it.each([
    ["a trail log file / console download", trailLog, "records"],
    ["aws cloudtrail lookup-events output", lookupOutput, "lookup-events"],
    ["an array of records", JSON.stringify(records), "record-array"],
    ["JSON Lines", records.map((r) => JSON.stringify(r)).join("\n"), "json-lines"],
  ])("%s", (_name, text, format) => {
    const result = parseTrailText(text, {}, 13);
    expect(result.format).toBe(format);
    expect(result.records).toBe(4);
    expect(result.matches).toBe(2);
    expect(keysOf(result)).toEqual(["ASIAFILE000000000001", "AccessDenied"]);
    expect(result.eventNames).toEqual({ GetBucketAcl: 1, AssumeRoleWithWebIdentity: 2, GetCallerIdentity: 1 });
    expect(result.malformed.count).toBe(0);
    expect(result.truncated).toBeNull();
  });

  it("a single record pasted from the console's event page (seed 001 as published)", () => {
    const result = parseTrailText(JSON.stringify(SEED_001_RAW, null, 2));
    expect(result.format).toBe("single-record");
    expect(result.events[0]?.issuedAccessKeyId).toBe("ASIA5NBR5LH3GUDX65GT");
  });

  it("keeps other names when asked, or everything", () => {
    expect(parseTrailText(trailLog, { eventNames: ["GetCallerIdentity"] }).events.map((e) => e.eventName)).toEqual(["GetCallerIdentity"]);
    expect(parseTrailText(trailLog, { eventNames: "*" }).events).toHaveLength(4);
  });

  it("keeps only the events that can bear on the calls when told (CLI memory bound)", () => {
    const keep = relevantTo([{ at: "2025-02-24T14:01:30Z", accessKeyId: "ASIAOLDKEY0000000001" }], { windowBeforeMs: 60_000 });
    const text = JSON.stringify({
      Records: [
        webIdentityRecord({ time: "2025-02-24T10:00:00Z", accessKeyId: "ASIAOLDKEY0000000001" }),
        webIdentityRecord({ time: "2025-02-24T11:00:00Z", accessKeyId: "ASIAOTHER00000000001" }),
        webIdentityRecord({ time: "2025-02-24T14:01:00Z", accessKeyId: "ASIAINWINDOW00000001" }),
      ],
    });
    const result = parseTrailText(text, { keep });
    expect(result.matches).toBe(3);
    expect(keysOf(result)).toEqual(["ASIAOLDKEY0000000001", "ASIAINWINDOW00000001"]);
  });

  it("redacts real session tokens but keeps placeholders", () => {
    const record = webIdentityRecord({ time: "2025-02-24T14:01:00Z" }) as Record<string, any>;
    record["responseElements"].credentials.sessionToken = "IQoJb3JpZ2luX2VjEXAMPLE";
    const [event] = parseTrailText(JSON.stringify(record)).events;
    expect(JSON.stringify(event?.record)).not.toContain("IQoJb3JpZ2luX2VjEXAMPLE");
    expect(parseTrailText(JSON.stringify(SEED_001_RAW)).events[0]?.record).toMatchObject({ responseElements: { credentials: { sessionToken: "<ENCODED_SESSION_ROKEN_BLOB>" } } });
  });
});

describe("streams", () => {
  it("reads a gzipped log file, whatever its name, reporting progress", async () => {
    const progress: number[] = [];
    const result = await parseTrailStream(streamOf(await gzip(trailLog), 64), { onProgress: (p) => progress.push(p.bytesRead), progressEveryBytes: 64 });
    expect(result.gzip).toBe(true);
    expect(keysOf(result)).toEqual(["ASIAFILE000000000001", "AccessDenied"]);
    expect(progress.length).toBeGreaterThan(1);
  });

  it("says a gzip stream was cut short and keeps what came before", async () => {
    const big = JSON.stringify({ Records: Array.from({ length: 400 }, (_, i) => webIdentityRecord({ time: "2025-02-24T14:01:00Z", accessKeyId: `ASIACUT${String(i).padStart(13, "0")}` })) });
    const zipped = await gzip(big);
    const result = await parseTrailStream(streamOf(zipped.slice(0, Math.floor(zipped.length / 2)), 512));
    expect(result.truncated?.reason).toMatch(/gzip data ends early/);
    expect(result.matches).toBeGreaterThan(0);
    expect(result.matches).toBeLessThan(400);
  });

  it("says a plain file was cut short", async () => {
    const result = await parseTrailStream(streamOf(bytes(trailLog.slice(0, trailLog.length - 40))));
    expect(result.truncated?.reason).toMatch(/ends in the middle/);
    expect(result.matches).toBe(1);
  });

  it.each([
    ["", "invalid:trail-file:empty"],
    ["Event name,Event time,User name\nGetId,2025-02-24,x", "invalid:trail-file:not-json"],
    ["hello", "invalid:trail-file:not-json"],
  ])("refuses %j with %s", async (text, code) => {
    const error = await parseTrailStream(streamOf(bytes(text))).catch((e: unknown) => e);
    expect(isTrailFileError(error) && error.code).toBe(code);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await parseTrailStream(streamOf(bytes(trailLog)), { signal: controller.signal }).catch((e: unknown) => e);
    expect(isTrailFileError(error) && error.code).toBe("aborted:trail-file");
  });
});

describe("damage", () => {
  it("counts and lists malformed records with their position, and reads the rest", () => {
    const good = JSON.stringify(records[1]);
    const text = `{"Records":[${good},{"eventName": tru},{"no":"name"},42,${good} ${good}]}`;
    const result = parseTrailText(text);
    expect(result.matches).toBe(3);
    expect(result.malformed.count).toBe(4);
    const reasons = result.malformed.first.map((m) => m.reason).join(" | ");
    expect(reasons).toMatch(/not valid JSON/);
    expect(reasons).toMatch(/no eventName/);
    expect(reasons).toMatch(/a number, not an event/);
    expect(reasons).toMatch(/expected "," or "\]"/);
    expect(result.malformed.first[0]).toMatchObject({ index: 1, offset: text.indexOf('{"eventName": tru}') });
  });

  it("flags a lookup event whose CloudTrailEvent is not JSON", () => {
    const result = parseTrailText(JSON.stringify({ Events: [{ EventId: "x", CloudTrailEvent: "{not json" }] }));
    expect(result.malformed.first[0]?.reason).toBe("CloudTrailEvent is not valid JSON");
  });
});

describe("chunking (property)", () => {
  /** Values with quotes, backslashes and brackets inside strings: what splits must not break. */
  const tricky = fc.string({ unit: fc.constantFrom("a", '"', "\\", "{", "}", "[", "]", ",", ":", "é", " ") });

  it("gives the same records for any way of cutting the same text into chunks", () => {
    fc.assert(
      fc.property(fc.array(tricky, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (values, cuts, lookup) => {
        // Every other record is of another name, so both the parsed and the skimmed path are cut.
        const recs = values.flatMap((v, i) => [
          { ...webIdentityRecord({ time: "2025-02-24T14:01:00Z", accessKeyId: `ASIAPROP${String(i).padStart(12, "0")}` }), note: v },
          { ...otherRecord("2025-02-24T14:02:00Z"), note: v },
        ]);
        const text = lookup ? JSON.stringify({ Events: recs.map((r) => ({ CloudTrailEvent: JSON.stringify(r) })) }) : JSON.stringify({ Records: recs }, null, 1);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parser = new TrailParser();
        let last = 0;
        for (const p of [...points, text.length]) {
          parser.push(text.slice(last, p));
          last = p;
        }
        const result = parser.finish();
        expect(result.malformed.count).toBe(0);
        expect(result.records).toBe(values.length * 2);
        expect(result.eventNames).toEqual({ AssumeRoleWithWebIdentity: values.length, GetBucketAcl: values.length });
        expect(result.events.map((e) => (e.record as { note?: string }).note)).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile input found by fuzzing", () => {
  it.each(["[Z}Ds", "[}", "[1}}}", '{"Records":[}]}', "[,}"])("finishes on %j instead of looping", (text) => {
    const started = Date.now();
    try {
      parseTrailText(text);
    } catch (error) {
      expect((error as Error).name).toBe("TrailFileError");
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
