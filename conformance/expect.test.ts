import { describe, expect, it } from "vitest";
import { answerFromHttp, answerFromRecord } from "./answer";
import { differences, pathValue } from "./expect";
import { caseSchema } from "./schema";

describe("reading AWS answers in every protocol", () => {
  it("takes the error type from x-amzn-ErrorType without its suffix, and the message from the body", () => {
    const a = answerFromHttp(403, { "x-amzn-errortype": "AccessDeniedException:http://internal.amazon.com/coral/" }, '{"message":"no"}');
    expect([a.errorType, a.message]).toEqual(["AccessDeniedException", "no"]);
  });

  it("strips the namespace of a JSON 1.1 __type", () => {
    const a = answerFromHttp(400, {}, '{"__type":"com.amazonaws.cognito.identity.model#NotAuthorizedException","message":"m"}');
    expect(a.errorType).toBe("NotAuthorizedException");
  });

  it("reads the query protocol's XML error, unescaping the message", () => {
    const xml = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity &amp; more</Message></Error></ErrorResponse>";
    const a = answerFromHttp(403, {}, xml);
    expect([a.errorType, a.message]).toEqual(["AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity & more"]);
  });

  it("reads AppSync's errors[0] and a CloudTrail record's errorCode", () => {
    const a = answerFromHttp(401, {}, '{"errors":[{"errorType":"UnauthorizedException","message":"Valid authorization header not provided."}]}');
    expect([a.errorType, a.message]).toEqual(["UnauthorizedException", "Valid authorization header not provided."]);
    const r = answerFromRecord({ errorCode: "AccessDenied", errorMessage: "An unknown error occurred" });
    expect([r.errorType, r.message]).toEqual(["AccessDenied", "An unknown error occurred"]);
  });
});

describe("comparing with a case's expectation", () => {
  const answer = answerFromHttp(401, { "www-authenticate": 'Bearer resource_metadata="x"' }, '{"message":"m","list":[{"a":1}]}');

  it("names each difference", () => {
    const found = differences(answer, { status: 403, message: "other", fields: { "list[0].a": 2 }, absent: ["message"], headers: { "WWW-Authenticate": "^Basic" } });
    expect(found).toEqual([
      "status: expected 403, got 401",
      'message: expected "other", got "m"',
      "list[0].a: expected 2, got 1",
      'message: expected absent, got "m"',
      'header WWW-Authenticate: expected /^Basic/, got "Bearer resource_metadata=\\"x\\""',
    ]);
  });

  it("finds nothing when the answer is the expected one", () => {
    expect(differences(answer, { status: 401, message: "m", fields: { "list[0].a": 1 }, present: ["list"], headers: { "www-authenticate": "resource_metadata=" } })).toEqual([]);
  });

  it("walks dotted paths and array indexes, and never an inherited property", () => {
    expect(pathValue({ a: [{ b: "x" }] }, "a[0].b")).toBe("x");
    expect(pathValue({ a: {} }, "a.toString")).toBeUndefined();
  });
});

describe("the case schema", () => {
  const base = {
    id: "sts/example",
    surface: "sts",
    title: "An example case title",
    sources: [{ ref: "https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html" }],
    scenario: "demo",
    call: { op: "none" },
    predict: { diagnosis: "x" },
  };

  it("refuses an exact message in an unconfirmed case", () => {
    const parsed = caseSchema.safeParse({ ...base, confidence: "unconfirmed", expect: { message: "made up" } });
    expect(parsed.success).toBe(false);
  });

  it("refuses a case without a source", () => {
    expect(caseSchema.safeParse({ ...base, confidence: "documented", sources: [], expect: {} }).success).toBe(false);
  });

  it("accepts a well-formed case", () => {
    expect(caseSchema.safeParse({ ...base, confidence: "documented", expect: { status: 200 } }).success).toBe(true);
  });
});
