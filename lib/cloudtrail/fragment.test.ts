import { describe, expect, it } from "vitest";
import { failureFromFragment, failureToFragment, cloudTrailLink } from "./fragment";

describe("failure fragment", () => {
  const failure = {
    at: "2025-02-24T14:15:40.000Z",
    identityId: "ap-northeast-1:3c9e2a71-5b84-4f06-9d1e-7a2b6c8f0e43",
    identityPoolId: "ap-northeast-1:7a1b2c3d-4e5f-4061-9b72-8c9d0e1f2a3b",
    accessKeyId: "ASIA5NBR5LH3GUDX65GT",
    expectedRoleArn: "arn:aws:iam::111122223333:role/service-role/app",
    action: "appsync:GraphQL",
    resource: "arn:aws:appsync:ap-northeast-1:111122223333:apis/x/types/Query/fields/listNotes",
  };

  it("round-trips, with the documented key names", () => {
    const fragment = failureToFragment(failure);
    expect(fragment).toMatch(/^#at=2025-02-24T14%3A15%3A40.000Z&identityId=.*&poolId=.*&accessKeyId=ASIA5NBR5LH3GUDX65GT&roleArn=/);
    expect(failureFromFragment(fragment)).toEqual(failure);
    expect(cloudTrailLink(failure)).toBe(`/cloudtrail${fragment}`);
  });

  it("reads a hand-written fragment and normalises the time", () => {
    expect(failureFromFragment("#at=2025-02-24T14:15:40Z&identityId=ap-northeast-1:abc&unknown=1")).toEqual({
      at: "2025-02-24T14:15:40.000Z",
      identityId: "ap-northeast-1:abc",
    });
  });

  it.each(["", "#identityId=x", "#at=yesterday"])("ignores %j", (fragment) => {
    expect(failureFromFragment(fragment)).toBeNull();
  });
});
