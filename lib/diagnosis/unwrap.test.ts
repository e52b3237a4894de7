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

  it("reads the Java, Kotlin and Python printings of a service error", () => {
    const android = "AWSCognitoAuthSession(isSignedIn=false, userPoolTokensResult=AuthSessionResult{value=null, error=SessionExpiredException{message=Your session has expired., cause=NotAuthorizedException(message=Invalid Refresh Token.), recoverySuggestion=Please sign in and reattempt the operation.}})";
    expect(unwrap(android)).toContain("SessionExpiredException: Your session has expired.");
    expect(unwrap(android)).toContain("NotAuthorizedException: Invalid Refresh Token.");
    const java = "com.amazonaws.services.cognitoidentity.model.NotAuthorizedException: Invalid login token. Issuer doesn't match providerName (Service: AmazonCognitoIdentity; Status Code: 400; Error Code: NotAuthorizedException; Request ID: a5ef69d2-b94d-11e6-920d-518c0b562ad5)";
    expect(unwrap(java)).toContain("NotAuthorizedException: Invalid login token. Issuer doesn't match providerName");
    const gql = "gql.transport.exceptions.TransportQueryError: {'path': ['getPost'], 'data': None, 'errorType': 'UnauthorizedException', 'errorInfo': None, 'locations': [{'line': 2, 'column': 3}], 'message': 'Not Authorized to access getPost on type Query'}";
    expect(unwrap(gql)).toContain("UnauthorizedException: Not Authorized to access getPost on type Query");
  });

  it("adds nothing to plain text, and leaves a large log as it is", () => {
    expect(unwrap("Unable to locate credentials")).toBe("");
    expect(unwrap(`${"x".repeat(600 * 1024)} \\"a\\"`)).toBe("");
  });
});

describe("full-width and curly-quoted text", () => {
  it("reads full-width Latin letters and ideographic spaces as ASCII, and quotes the evidence as pasted", () => {
    const wide = "エラー：Ｕｎａｂｌｅ　ｔｏ　ｌｏｃａｔｅ　ｃｒｅｄｅｎｔｉａｌｓ";
    const [match] = diagnose(wide);
    expect(match?.id).toBe("credentials-missing");
    // The evidence is the user's own characters (whitespace collapsed as in every excerpt).
    expect(match?.signals[0]?.phrase).toMatch(/^Ｕｎａｂｌｅ\s+ｔｏ\s+ｌｏｃａｔｅ\s+ｃｒｅｄｅｎｔｉａｌｓ$/);
  });

  it("reads curly apostrophes as straight ones", () => {
    expect(first("AccessDeniedException: You don’t have access to the model with the specified model ID.")).toBe("bedrock-model-access");
  });
});

describe("the accounts in an IAM denial", () => {
  // IAM's denial format (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html): the caller's ARN, the action, the resource's ARN.
  const denial = (resourceAccount: string) =>
    `AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/app-role/session is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:${resourceAccount}:function:worker`;

  it("names the other account's resource policy when caller and resource are in different accounts", () => {
    expect(first(denial("444455556666"))).toBe("iam-cross-account-resource-policy");
  });

  it("names the caller's own policy when both are in the same account", () => {
    expect(first(denial("111122223333"))).toBe("iam-action-not-authorized");
  });
});
