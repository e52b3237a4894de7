import { describe, expect, it } from "vitest";
import { correlate, correlateOne } from "./correlate";
import { normalizeRecord } from "./normalize";
import { SEED_001, SEED_001_RAW, seed001Record } from "./test-support/seed-001";
import { webIdentityEvent } from "./test-support/records";
import type { FailedCall, TrailEvent } from "./types";

const seedEvent = (): TrailEvent => {
  const normalized = normalizeRecord(seed001Record());
  if (!normalized.ok) throw new Error(normalized.reason);
  return normalized.event;
};

/** The failing AppSync call of seed 001, 28 s after the assumption, long ago. */
const seedFailure: FailedCall = {
  at: "2025-02-24T14:15:40Z",
  identityId: SEED_001.identityId,
  identityPoolId: SEED_001.identityPoolId,
  accessKeyId: SEED_001.accessKeyId,
  expectedRoleArn: SEED_001.roleArn,
  action: "appsync:GraphQL",
  resource: "arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/listNotes",
};
const NOW = Date.parse("2025-03-01T00:00:00Z");

describe("seed 001", () => {
  it("is `assumed`: the key the call used came from the expected role, so the denial is in its permissions", () => {
    const verdict = correlateOne(seedFailure, [seedEvent()], { now: NOW });
    expect(verdict.verdict).toBe("assumed");
    expect(verdict.needed).toEqual({ action: "appsync:GraphQL", resource: seedFailure.resource });
    expect(verdict.nextStep).toContain("appsync:GraphQL on arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/listNotes");
    const [decisive] = verdict.evidence;
    expect(decisive?.relation).toBe("issued-these-credentials");
    expect(decisive?.highlights).toContainEqual(expect.objectContaining({ field: "responseElements.credentials.accessKeyId", tone: "match" }));
    expect(decisive?.highlights).toContainEqual(expect.objectContaining({ field: "requestParameters.roleArn", tone: "match" }));
  });

  it("reads the capture as published too (placeholders and all), matching by identity", () => {
    const normalized = normalizeRecord(SEED_001_RAW as unknown as Record<string, unknown>);
    expect(normalized.ok && normalized.event).toMatchObject({ identityId: "<COGNITO_APP_USR_NAME>", identityPoolId: "<COGNITO_APP_ID>" });
    const verdict = correlateOne({ at: "2025-02-24T14:16:00Z", identityId: "<COGNITO_APP_USR_NAME>" }, [normalized.ok ? normalized.event : seedEvent()], { now: NOW });
    expect(verdict.verdict).toBe("assumed");
    expect(verdict.notes.join(" ")).toContain("No expected role");
  });
});

describe("verdicts", () => {
  const base = { identityId: SEED_001.identityId, identityPoolId: SEED_001.identityPoolId, expectedRoleArn: SEED_001.roleArn };

  it("`refused` for a failure event, with STS's error highlighted and the trust policy named", () => {
    const refused = webIdentityEvent({ time: "2025-02-24T14:15:00Z", errorCode: "AccessDenied" });
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:05Z" }, [refused], { now: NOW });
    expect(verdict.verdict).toBe("refused");
    expect(verdict.headline).toContain("AccessDenied");
    expect(verdict.nextStep).toContain("cognito-identity.amazonaws.com:aud");
    expect(verdict.evidence[0]?.highlights).toContainEqual(expect.objectContaining({ field: "errorCode", tone: "error" }));
  });

  it("reads a refusal recorded as \"An unknown error occurred\" by its errorCode and role, not by the message", () => {
    // How CloudTrail records it (re:Post eks-troubleshoot-sdk-workload): the API's own text is not in the record.
    const refused = webIdentityEvent({ time: "2025-02-24T14:15:00Z", errorCode: "AccessDenied" });
    expect(refused.errorMessage).toBe("An unknown error occurred");
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:05Z" }, [refused], { now: NOW });
    expect(verdict.verdict).toBe("refused");
    expect(verdict.headline).toBe("STS refused the role: AccessDenied");
    expect(verdict.explanation).toContain(SEED_001.roleArn);
    expect(verdict.explanation).toContain('CloudTrail records only "An unknown error occurred"');
    expect(verdict.nextStep).toContain("trust policy");
    const highlights = verdict.evidence[0]!.highlights;
    expect(highlights).toContainEqual(expect.objectContaining({ field: "errorMessage", tone: "info" }));
    expect(highlights.find((h) => h.field === "errorMessage")?.note).not.toContain("reason");
  });

  it("keeps a non-generic errorMessage as STS's reason", () => {
    const refused = webIdentityEvent({ time: "2025-02-24T14:15:00Z", errorCode: "InvalidIdentityToken", errorMessage: "Couldn't verify signed token." });
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:05Z" }, [refused], { now: NOW });
    expect(verdict.explanation).toContain('("Couldn\'t verify signed token.")');
    expect(verdict.evidence[0]!.highlights).toContainEqual(expect.objectContaining({ field: "errorMessage", tone: "error", note: "STS's reason, verbatim" }));
  });

  it("`assumed-other-role` when the identity got another role", () => {
    const guest = webIdentityEvent({ time: "2025-02-24T14:10:00Z", roleArn: "arn:aws:iam::111122223333:role/guest-role" });
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:00Z" }, [guest], { now: NOW });
    expect(verdict.verdict).toBe("assumed-other-role");
    expect(verdict.evidence[0]?.highlights).toContainEqual(expect.objectContaining({ field: "requestParameters.roleArn", tone: "mismatch" }));
  });

  it("the latest attempt before the call decides: a refusal then a success is `assumed`", () => {
    const events = [
      webIdentityEvent({ time: "2025-02-24T14:01:00Z", errorCode: "AccessDenied" }),
      webIdentityEvent({ time: "2025-02-24T14:05:00Z" }),
      webIdentityEvent({ time: "2025-02-24T14:20:00Z", errorCode: "AccessDenied" }),
    ];
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:10:00Z" }, events, { now: NOW });
    expect(verdict.verdict).toBe("assumed");
    expect(verdict.evidence).toHaveLength(2);
  });

  it("matches by access key across any distance in time (cached credentials) and says so", () => {
    const early = webIdentityEvent({ time: "2025-02-24T13:00:00Z", accessKeyId: "ASIACACHED0000000001" });
    const verdict = correlateOne({ ...base, accessKeyId: "ASIACACHED0000000001", at: "2025-02-24T13:50:00Z" }, [early], { now: NOW });
    expect(verdict.verdict).toBe("assumed");
    expect(verdict.notes.join(" ")).toMatch(/issued 50 minutes before the call/);
  });

  it("`absent` in an empty window, recent call: not delivered yet, look again", () => {
    const now = Date.parse("2025-02-24T14:17:00Z");
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:00Z" }, [], { now, region: "ap-northeast-1" });
    expect(verdict.verdict).toBe("absent");
    expect(verdict.causes?.[0]).toMatch(/^Not delivered yet: the call was 2 min 0 s ago/);
    expect(verdict.lookAgainAt).toBe("2025-02-24T14:20:00Z");
    expect(verdict.notes.join(" ")).toContain("data events");
  });

  it("`absent` when only other identities assumed the role, naming them; events outside the window don't count", () => {
    const other = webIdentityEvent({ time: "2025-02-24T14:14:00Z", identityId: "ap-northeast-1:99999999-9999-4999-8999-999999999999" });
    const old = webIdentityEvent({ time: "2025-02-24T13:00:00Z" });
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:00Z" }, [other, old], { now: NOW });
    expect(verdict.verdict).toBe("absent");
    expect(verdict.notes.join(" ")).toContain("1 AssumeRoleWithWebIdentity event(s) in the window belong to other identities");
    expect(verdict.lookAgainAt).toBeUndefined();
  });

  it("puts a Region mismatch first among the causes", () => {
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:00Z" }, [], { now: NOW, region: "us-east-1" });
    expect(verdict.causes?.[0]).toMatch(/^Wrong Region: .*us-east-1.*ap-northeast-1/);
  });

  it("says when the call is outside what the events cover", () => {
    const verdict = correlateOne({ ...base, at: "2025-02-24T14:15:00Z" }, [], { now: NOW, coverage: { startMs: Date.parse("2025-02-20T00:00:00Z"), endMs: Date.parse("2025-02-21T00:00:00Z") } });
    expect(verdict.causes?.[0]).toMatch(/cover 2025-02-20T00:00:00Z to 2025-02-21T00:00:00Z/);
  });

  it("correlates each failure on its own", () => {
    const events = [webIdentityEvent({ time: "2025-02-24T14:05:00Z" })];
    const verdicts = correlate([{ ...base, at: "2025-02-24T14:10:00Z" }, { ...base, at: "2025-02-25T14:10:00Z" }], events, { now: NOW });
    expect(verdicts.map((v) => v.verdict)).toEqual(["assumed", "absent"]);
  });

  it("honours a configured window", () => {
    const events = [webIdentityEvent({ time: "2025-02-24T13:30:00Z" })];
    const call = { ...base, at: "2025-02-24T14:10:00Z" };
    expect(correlateOne(call, events, { now: NOW }).verdict).toBe("absent");
    expect(correlateOne(call, events, { now: NOW, windowBeforeMs: 60 * 60_000 }).verdict).toBe("assumed");
  });
});
