import { describe, expect, it } from "vitest";
import { dayFoldersFor, keyMayHoldWindow, parseTrailObjectKey, trailObjectKey } from "./s3-layout";

describe("the trail's S3 key layout", () => {
  it("builds the documented organization-trail key and reads it back", () => {
    const key = trailObjectKey({ prefix: "org/", orgId: "o-exampleorgid", accountId: "111122223333", region: "us-east-2", deliveredAtMs: Date.parse("2015-08-01T02:10:33Z"), uniqueString: "Mu0KsOhtH1ar15ZZ" });
    // The file name is the documentation's own example.
    expect(key).toBe("org/AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
    expect(parseTrailObjectKey(key)).toEqual({ prefix: "org", orgId: "o-exampleorgid", accountId: "111122223333", region: "us-east-2", day: "2015/08/01", fileName: "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz", deliveredAtMs: Date.parse("2015-08-01T02:10:00Z") });
  });

  it("reads an account trail's key and a Windows path, and leaves other paths alone", () => {
    expect(parseTrailObjectKey("C:\\trail\\AWSLogs\\444455556666\\CloudTrail\\ap-northeast-1\\2025\\02\\24\\x.json")).toMatchObject({ accountId: "444455556666", region: "ap-northeast-1", day: "2025/02/24" });
    expect(parseTrailObjectKey("downloads/event_history.json")).toBeUndefined();
    expect(parseTrailObjectKey("AWSLogs/444455556666/CloudTrail-Digest/us-east-1/2025/02/24/x.json.gz")).toBeUndefined();
  });

  it("keeps files that can hold the window and drops other accounts, Regions and days", () => {
    const window = { startMs: Date.parse("2025-02-24T14:00:00Z"), endMs: Date.parse("2025-02-24T14:16:00Z"), accountIds: ["111122223333"], regions: ["ap-northeast-1"] };
    const file = (account: string, region: string, stamp: string) => parseTrailObjectKey(`AWSLogs/${account}/CloudTrail/${region}/${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}/${account}_CloudTrail_${region}_${stamp}_abcdefghijklmnop.json.gz`)!;
    expect(keyMayHoldWindow(file("111122223333", "ap-northeast-1", "20250224T1420Z"), window)).toBe(true);
    // Delivered the next morning: late, but still possible.
    expect(keyMayHoldWindow(file("111122223333", "ap-northeast-1", "20250225T0005Z"), window)).toBe(true);
    // Delivered before the window opened: cannot hold a record from it.
    expect(keyMayHoldWindow(file("111122223333", "ap-northeast-1", "20250224T1300Z"), window)).toBe(false);
    expect(keyMayHoldWindow(file("999988887777", "ap-northeast-1", "20250224T1420Z"), window)).toBe(false);
    expect(keyMayHoldWindow(file("111122223333", "us-east-1", "20250224T1420Z"), window)).toBe(false);
  });

  it("lists the day folders a window's files can be in", () => {
    expect(dayFoldersFor({ startMs: Date.parse("2025-02-24T23:50:00Z"), endMs: Date.parse("2025-02-25T00:05:00Z") })).toEqual(["2025/02/24", "2025/02/25", "2025/02/26"]);
  });
});
