import { generate } from "otplib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerFromHttp } from "./answer";
import { CaseState, captureFields } from "./case-state";
import { caseSchema } from "./schema";

const SECRET = "T6WOKV644US4EMVX72G5UGLERW74GSBHVIYHCKIV2UXAEETMRRJA";
// 10 s into a 30-second step.
const MID_STEP_MS = 1_767_225_610_000;

describe("authenticator codes for a case", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("are the RFC 6238 code of the current step, or of one and two steps earlier", async () => {
    const state = new CaseState(() => MID_STEP_MS);
    const epoch = MID_STEP_MS / 1000;
    expect(await state.totp(SECRET)).toBe(await generate({ secret: SECRET, epoch }));
    expect(await state.totp(SECRET, 1)).toBe(await generate({ secret: SECRET, epoch: epoch - 30 }));
    expect(await state.totp(SECRET, 2)).toBe(await generate({ secret: SECRET, epoch: epoch - 60 }));
    expect(await state.totp(SECRET, 1)).not.toBe(await state.totp(SECRET));
  });

  it("stay the same within a case, so a reused code is really the same digits", async () => {
    let now = MID_STEP_MS;
    const state = new CaseState(() => now);
    const first = await state.totp(SECRET);
    now += 60_000;
    expect(await state.totp(SECRET)).toBe(first);
    expect(await new CaseState(() => now).totp(SECRET)).not.toBe(first);
  });

  it("wait for the next step rather than hand out a code about to go stale", async () => {
    vi.useFakeTimers();
    const lastSecond = 1_767_225_629_000;
    vi.setSystemTime(lastSecond);
    const pending = new CaseState().totp(SECRET);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(await pending).toBe(await generate({ secret: SECRET, epoch: 1_767_225_630 }));
  });
});

describe("capturing fields of a before step's answer", () => {
  const answer = answerFromHttp(200, {}, JSON.stringify({ Session: "s-1", AuthenticationResult: { AccessToken: "a.b.c", ExpiresIn: 3600 } }));

  it("keeps dotted paths under the names given", () => {
    const state = new CaseState();
    captureFields(answer, { session: "Session", token: "AuthenticationResult.AccessToken", ttl: "AuthenticationResult.ExpiresIn" }, state, new Set(), "before[0]");
    expect(Object.fromEntries(state.captured)).toEqual({ session: "s-1", token: "a.b.c", ttl: "3600" });
  });

  it("stops the case when the answer lacks the field", () => {
    expect(() => captureFields(answer, { secret: "SecretCode" }, new CaseState(), new Set(), "before[1]")).toThrow("before[1] answered no SecretCode to capture as secret");
  });

  it("refuses a name that would hide a scenario placeholder", () => {
    expect(() => captureFields(answer, { clientId: "Session" }, new CaseState(), new Set(["clientId"]), "before[0]")).toThrow("built-in placeholder");
  });
});

describe("before steps in the case schema", () => {
  const base = {
    id: "cognito-idp/example",
    surface: "cognito-idp",
    title: "An example case title",
    confidence: "documented",
    sources: [{ ref: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html" }],
    scenario: "mfa-required",
    expect: { status: 200 },
  };
  const call = (step: Record<string, unknown>) => ({
    op: "aws-json",
    service: "cognito-idp",
    operation: "VerifySoftwareToken",
    input: { Session: "{{session}}", UserCode: "{{totp:secret}}" },
    before: [{ op: "aws-json", service: "cognito-idp", operation: "AssociateSoftwareToken", input: {}, ...step }],
  });

  it("take capture names and the status a step must answer", () => {
    expect(caseSchema.safeParse({ ...base, call: call({ capture: { session: "Session", secret: "SecretCode" }, status: 400 }) }).success).toBe(true);
  });

  it("refuse capture names a placeholder could not spell", () => {
    expect(caseSchema.safeParse({ ...base, call: call({ capture: { "my-session": "Session" } }) }).success).toBe(false);
  });
});
