import { describe, expect, it } from "vitest";
import { diagnose } from "./engine";
import { parseFailureText } from "./input";

describe("parseFailureText", () => {
  it("keeps plain text as text", () => {
    expect(parseFailureText("Unable to locate credentials")).toEqual({ input: { text: "Unable to locate credentials" }, problems: [] });
    expect(parseFailureText("{ not json").input).toEqual({ text: "{ not json" });
  });

  it("reads a test call (CellResult) and keeps the raw text", () => {
    const testCall = { outcome: "fail", status: 401, errorType: "UnauthorizedException", message: "Valid authorization header not provided.", summary: "401 UnauthorizedException: Valid authorization header not provided." };
    const { input, problems } = parseFailureText(JSON.stringify(testCall));
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ status: 401, errorType: "UnauthorizedException", message: testCall.message, summary: testCall.summary });
    expect(diagnose(input)[0]?.id).toBe("appsync-unauthorized-userpool");
  });

  it("reads an AWS error body and the diagnose-input fields", () => {
    const { input } = parseFailureText('{"__type":"NotAuthorizedException","message":"Token is not from a supported provider of this identity pool."}');
    expect(input).toMatchObject({ errorType: "NotAuthorizedException" });
    const full = parseFailureText(JSON.stringify({ text: "x", service: "agentcore", variant: "id-token", tokenUse: "id", cloudTrailVerdict: "absent", authorizer: "CUSTOM_JWT", headers: { a: "b" } }));
    expect(full.input).toMatchObject({ service: "agentcore", variant: "id-token", tokenUse: "id", cloudTrailVerdict: "absent", authorizer: "CUSTOM_JWT", headers: { a: "b" } });
  });

  it("reports unusable values", () => {
    expect(parseFailureText('{"status":9999,"tokenUse":"refresh","cloudTrailVerdict":"maybe"}').problems).toHaveLength(3);
  });
});
