import { describe, expect, it } from "vitest";
import { diagnose } from "./engine";
import { unwrap } from "./unwrap";

/** The same failure inside the wrappers it arrives in is diagnosed as if pasted bare. */

const first = (text: string) => diagnose(text)[0]?.id;

describe("wrapped failures", () => {
  it("reads AppSync's refusal escaped inside a DataStore warning inside JSON", () => {
    const inner = JSON.stringify({ errors: [{ errorType: "UnauthorizedException", message: "Permission denied" }] });
    const wrapped = `[WARN] 12:01.123 DataStore - ${JSON.stringify({ message: `Connection failed: ${inner}`, recoverySuggestion: "Check the console" })}`;
    expect(JSON.stringify(wrapped)).toContain('\\\\\\"Permission denied');
    expect(first(JSON.stringify(wrapped))).toBe("appsync-unauthorized-iam");
  });

  it("reads an error object held in a string field", () => {
    const log = JSON.stringify({ level: "error", err: JSON.stringify({ __type: "NotAuthorizedException", message: "Invalid login token. Token expired: 1667365798 >= 1667235770" }) });
    expect(unwrap(log)).toContain("NotAuthorizedException: Invalid login token. Token expired");
    expect(first(log)).toBe("token-expired");
  });

  it("joins a sentence a terminal broke over lines", () => {
    const text = "AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/Admin/u is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: arn:aws:bedrock-agentcore:us-west-2:444455556666:runtime/a because no resource-based\n    policy allows the bedrock-agentcore:InvokeAgentRuntime action";
    expect(first(text)).toBe("iam-cross-account-resource-policy");
  });

  it("reads HTML-escaped text and botocore's printed error dict", () => {
    expect(first("Claim &#39;client_id&#39; value mismatch with configuration.")).toBe("cognito-client-id-mismatch");
    expect(unwrap("{'Error': {'Code': 'ExpiredTokenException', 'Message': 'The security token included in the request is expired'}}")).toContain(
      "ExpiredTokenException: The security token included in the request is expired",
    );
  });

  it("adds nothing to plain text, and leaves a large log as it is", () => {
    expect(unwrap("Unable to locate credentials")).toBe("");
    expect(unwrap(`${"x".repeat(600 * 1024)} \\"a\\"`)).toBe("");
  });
});
