import { describe, expect, it } from "vitest";
import { AppError, isErrorCode, kindOf, statusOf, visitorMessage } from ".";

describe("error codes", () => {
  it("derive the HTTP status from the code's kind, not the throw site", () => {
    expect(new AppError("forbidden:relay:host", "no").status).toBe(403);
    expect(new AppError("invalid:token:segments", "no").status).toBe(400);
    expect(new AppError("timeout:relay", "late").status).toBe(504);
    expect(kindOf("too-large:cloudtrail")).toBe("too-large");
  });

  it("take AWS's status for an aws code, and only then", () => {
    expect(new AppError("aws:sts", "denied", { status: 403, errorType: "AccessDenied" }).status).toBe(403);
    expect(new AppError("upstream:cloudtrail", "refused", { status: 403 }).status).toBe(502);
    expect(statusOf("aws:json-protocol")).toBe(500);
  });

  it("hide internal messages from visitors", () => {
    const internal = new AppError("internal:relay", "TypeError at relay-core.ts:12");
    expect(internal.shownToVisitor).toBe(false);
    expect(visitorMessage(internal, "The relay failed unexpectedly.")).toBe("The relay failed unexpectedly.");
    expect(visitorMessage(new AppError("misconfigured:cloudtrail:credentials", "no credentials"), "x")).toBe("no credentials");
  });

  it("recognise only codes of a known kind", () => {
    expect(isErrorCode("unreachable:jwks")).toBe(true);
    expect(isErrorCode("relay:forbidden-host")).toBe(false);
    expect(isErrorCode("ERR_TOKEN_EMPTY")).toBe(false);
  });
});
