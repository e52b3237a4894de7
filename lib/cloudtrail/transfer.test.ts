import { describe, expect, it } from "vitest";
import { parseTrailText } from "./parse-stream";
import { webIdentityRecord } from "./test-support/records";
import { packTrailResult, unpackTrailResult } from "./transfer";

describe("a parse result sent from the worker to the page", () => {
  it("arrives equal to what was parsed, records included, after a structured clone", () => {
    const text = JSON.stringify({ Records: [webIdentityRecord({ time: "2026-11-24T00:00:01Z" }), webIdentityRecord({ time: "2026-11-24T00:00:02Z", errorCode: "AccessDenied" })] });
    const parsed = { ...parseTrailText(text), gzip: false, bytesRead: text.length };
    const packed = structuredClone(packTrailResult(parsed));
    expect(packed.events.every((e) => typeof e.recordJson === "string" && !("record" in e))).toBe(true);
    const arrived = unpackTrailResult(packed);
    expect(JSON.parse(JSON.stringify(arrived))).toEqual(JSON.parse(JSON.stringify(parsed)));
    expect(arrived.events[1]!.record["errorCode"]).toBe("AccessDenied");
    // Parsed once, then the same object: an expanded row and a verdict see one record.
    expect(arrived.events[0]!.record).toBe(arrived.events[0]!.record);
  });
});
