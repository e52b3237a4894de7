import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringPool } from "./string-pool";

describe("StringPool", () => {
  it("never merges different values: a tree reads the same after pooling, whatever its strings", () => {
    // Strings that differ only a little: case, a trailing space, composed vs decomposed é, empty.
    const nearlyEqual = fc.constantFrom("ap-northeast-1", "AP-NORTHEAST-1", "ap-northeast-1 ", "é", "e\u0301", "", "1", "null", "true");
    const leaf = fc.oneof(nearlyEqual, fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const key = fc.constantFrom("userAgent", "awsRegion", "eventID", "type", "arn");
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(fc.array(fc.dictionary(key, tree, { maxKeys: 5 }), { maxLength: 30 }), (records) => {
        const before = JSON.stringify(records);
        const pool = new StringPool();
        for (const record of records) pool.internValues(record);
        expect(JSON.stringify(records)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps one copy of a value that repeats, and only values of exactly the same characters", () => {
    const pool = new StringPool();
    const records = Array.from({ length: 100 }, () => ({ userAgent: `aws-sdk-js/3 ${"x".repeat(100)}`, awsRegion: "ap-northeast-1", nested: { arn: "arn:aws:iam::1:role/a", list: ["arn:aws:iam::1:role/a"] } }));
    records.push({ userAgent: "aws-sdk-js/3", awsRegion: "AP-NORTHEAST-1", nested: { arn: "arn:aws:iam::1:role/A", list: ["arn:aws:iam::1:role/a "] } });
    for (const r of records) pool.internValues(r);
    expect(pool.size).toBe(3 + 4);
    expect(records.at(-1)).toEqual({ userAgent: "aws-sdk-js/3", awsRegion: "AP-NORTHEAST-1", nested: { arn: "arn:aws:iam::1:role/A", list: ["arn:aws:iam::1:role/a "] } });
  });

  it("stops pooling a property whose values do not repeat (event ids), so the pool stays small", () => {
    const pool = new StringPool();
    for (let i = 0; i < 20_000; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
      // userName and subjectFromWebIdentityToken carry the same unique id within one record.
      pool.internValues({ eventID: id, userIdentity: { userName: id }, responseElements: { subjectFromWebIdentityToken: id }, eventSource: "sts.amazonaws.com" });
    }
    expect(pool.size).toBeLessThan(300);
  });

  it("stays bounded on a file that makes up a new property name in every record", () => {
    const pool = new StringPool();
    for (let i = 0; i < 10_000; i++) pool.internValues({ [`name${i}`]: "same value", other: `value ${i}` });
    expect(pool.size).toBeLessThan(200);
  });

  it("leaves numbers, booleans and null alone", () => {
    const record = { a: 1, b: true, c: null, d: [2, false, null, "x"] };
    new StringPool().internValues(record);
    expect(record).toStrictEqual({ a: 1, b: true, c: null, d: [2, false, null, "x"] });
  });
});
