import { describe, expect, it } from "vitest";
import { correlate } from "./correlate";
import { mergeByAccessKey } from "./merge-verdicts";
import { normalizeRecord } from "./normalize";
import { SEED_001, seed001Record } from "./test-support/seed-001";
import type { FailedCall } from "./types";

const event = (() => {
  const normalized = normalizeRecord(seed001Record());
  if (!normalized.ok) throw new Error(normalized.reason);
  return normalized.event;
})();

const call = (label: string, field: string, extra: Partial<FailedCall> = {}): FailedCall => ({
  at: "2025-02-24T14:15:40Z",
  label,
  identityId: SEED_001.identityId,
  identityPoolId: SEED_001.identityPoolId,
  accessKeyId: SEED_001.accessKeyId,
  expectedRoleArn: SEED_001.roleArn,
  action: "appsync:GraphQL",
  resource: `arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/${field}/fields/*`,
  ...extra,
});

describe("one verdict per access key", () => {
  const now = Date.parse("2025-03-01T00:00:00Z");

  it("merges the calls signed with one key into one verdict naming each call and each permission once", () => {
    const calls = [call("AppSync HTTP · iam", "Query"), call("AppSync realtime · iam", "Subscription"), call("AppSync HTTP · amplify:AWS_IAM", "Query")];
    const groups = mergeByAccessKey(correlate(calls, [event], { now }));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.verdict.verdict).toBe("assumed");
    expect(groups[0]!.calls.map((c) => c.label)).toEqual(calls.map((c) => c.label));
    expect(groups[0]!.needed.map((n) => n.resource.split("/types/")[1])).toEqual(["Query/fields/*", "Subscription/fields/*"]);
  });

  it("keeps calls apart when their keys differ, or when a call has no key", () => {
    const verdicts = correlate([call("a", "Query"), call("b", "Query", { accessKeyId: "ASIAOTHERKEY00000001" }), call("c", "Query", { accessKeyId: undefined }), call("d", "Query", { accessKeyId: undefined })], [event], { now });
    expect(mergeByAccessKey(verdicts).map((g) => g.calls.map((c) => c.label))).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });
});
