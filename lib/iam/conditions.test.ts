import { describe, expect, it } from "vitest";
import { evaluatePolicies, type RequestContext } from "./index";
import { allow, policy } from "./test-support";

type Value = string | number | boolean | Array<string | number | boolean>;

/** [operator, key, policy value(s), request context, holds?] — evaluated through a real statement. */
const cases: Array<[string, string, Value, RequestContext, boolean]> = [
  // String operators
  ["StringEquals", "aws:username", "alice", { "aws:username": "alice" }, true],
  ["StringEquals", "aws:username", "alice", { "aws:username": "Alice" }, false],
  ["StringEquals", "aws:username", ["bob", "alice"], { "aws:username": "alice" }, true],
  ["StringEquals", "aws:username", "alice", {}, false],
  ["StringEquals", "AWS:UserName", "alice", { "aws:username": "alice" }, true],
  ["StringEquals", "aws:username", "a*", { "aws:username": "alice" }, false],
  ["StringNotEquals", "aws:username", "alice", { "aws:username": "bob" }, true],
  ["StringNotEquals", "aws:username", ["bob", "alice"], { "aws:username": "bob" }, false],
  ["StringNotEquals", "aws:username", "alice", {}, true],
  ["StringEqualsIgnoreCase", "aws:username", "ALICE", { "aws:username": "alice" }, true],
  ["StringNotEqualsIgnoreCase", "aws:username", "ALICE", { "aws:username": "alice" }, false],
  ["StringLike", "s3:prefix", "home/*", { "s3:prefix": "home/alice/x" }, true],
  ["StringLike", "s3:prefix", "home/?", { "s3:prefix": "home/ab" }, false],
  ["StringLike", "s3:prefix", "home/*", {}, false],
  ["StringNotLike", "s3:prefix", "tmp/*", { "s3:prefix": "home/a" }, true],
  ["StringNotLike", "s3:prefix", "tmp/*", {}, true],
  // ...IfExists
  ["StringEqualsIfExists", "aws:username", "alice", {}, true],
  ["StringEqualsIfExists", "aws:username", "alice", { "aws:username": "bob" }, false],
  ["StringLikeIfExists", "aws:username", "a*", { "aws:username": "alice" }, true],
  ["BoolIfExists", "aws:MultiFactorAuthPresent", "true", {}, true],
  // Bool and Null
  ["Bool", "aws:SecureTransport", true, { "aws:SecureTransport": "true" }, true],
  ["Bool", "aws:SecureTransport", "false", { "aws:SecureTransport": "true" }, false],
  ["Bool", "aws:SecureTransport", "true", {}, false],
  ["Null", "aws:TokenIssueTime", "true", {}, true],
  ["Null", "aws:TokenIssueTime", "true", { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" }, false],
  ["Null", "aws:TokenIssueTime", false, { "aws:TokenIssueTime": "2024-01-01T00:00:00Z" }, true],
  ["Null", "aws:TagKeys", "true", { "aws:TagKeys": [] }, true],
  // Set operators on multi-valued keys
  ["ForAnyValue:StringLike", "cognito-identity.amazonaws.com:amr", "authenticated", { "cognito-identity.amazonaws.com:amr": ["authenticated", "cognito-idp.x/y"] }, true],
  ["ForAnyValue:StringLike", "cognito-identity.amazonaws.com:amr", "authenticated", { "cognito-identity.amazonaws.com:amr": ["unauthenticated"] }, false],
  ["ForAnyValue:StringLike", "cognito-identity.amazonaws.com:amr", "authenticated", {}, false],
  ["ForAnyValue:StringLike", "cognito-identity.amazonaws.com:amr", "authenticated", { "cognito-identity.amazonaws.com:amr": [] }, false],
  ["ForAnyValue:StringEquals", "aws:TagKeys", ["env", "team"], { "aws:TagKeys": ["owner", "team"] }, true],
  ["ForAnyValue:StringEquals", "aws:TagKeys", ["env"], { "aws:TagKeys": ["owner"] }, false],
  ["ForAllValues:StringEquals", "aws:TagKeys", ["env", "team"], { "aws:TagKeys": ["env"] }, true],
  ["ForAllValues:StringEquals", "aws:TagKeys", ["env", "team"], { "aws:TagKeys": ["env", "owner"] }, false],
  ["ForAllValues:StringEquals", "aws:TagKeys", ["env"], {}, true],
  ["ForAllValues:StringEquals", "aws:TagKeys", ["env"], { "aws:TagKeys": [] }, true],
  ["ForAllValues:StringNotEquals", "aws:TagKeys", ["secret"], { "aws:TagKeys": ["env", "team"] }, true],
  ["ForAnyValue:StringNotEquals", "aws:TagKeys", ["env"], { "aws:TagKeys": ["env"] }, false],
  ["ForAnyValue:StringEqualsIfExists", "aws:TagKeys", ["env"], {}, true],
  // A single-valued key under a set operator behaves as a one-element set
  ["ForAnyValue:StringEquals", "aws:username", "alice", { "aws:username": "alice" }, true],
  // Plain operator on a multi-valued key: read as ForAnyValue (undocumented by AWS)
  ["StringEquals", "aws:TagKeys", "team", { "aws:TagKeys": ["env", "team"] }, true],
  ["StringNotEquals", "aws:TagKeys", "team", { "aws:TagKeys": ["env", "team"] }, false],
  // ARN operators: six parts, wildcards per part, case-sensitive
  ["ArnLike", "aws:SourceArn", "arn:aws:appsync:*:111122223333:apis/*", { "aws:SourceArn": "arn:aws:appsync:us-east-1:111122223333:apis/abc" }, true],
  ["ArnEquals", "aws:SourceArn", "arn:aws:appsync:*:111122223333:apis/*", { "aws:SourceArn": "arn:aws:appsync:us-east-1:111122223333:apis/abc" }, true],
  ["ArnLike", "aws:SourceArn", "arn:aws:appsync:*:111122223333:apis/*", { "aws:SourceArn": "arn:aws:appsync:us-east-1:444455556666:apis/abc" }, false],
  ["ArnLike", "aws:SourceArn", "arn:aws:lambda:us-east-1:111122223333:function:f*", { "aws:SourceArn": "arn:aws:lambda:us-east-1:111122223333:function:fn:prod" }, true],
  ["ArnLike", "aws:SourceArn", "arn:aws:appsync:us-east-1:111122223333:apis/ABC", { "aws:SourceArn": "arn:aws:appsync:us-east-1:111122223333:apis/abc" }, false],
  ["ArnNotLike", "aws:SourceArn", "arn:aws:s3:::*", { "aws:SourceArn": "arn:aws:sqs:us-east-1:111122223333:q" }, true],
  ["ArnNotLike", "aws:SourceArn", "arn:aws:s3:::*", {}, true],
  // Numeric, date, IP
  ["NumericLessThan", "s3:max-keys", "10", { "s3:max-keys": "9" }, true],
  ["NumericLessThan", "s3:max-keys", 10, { "s3:max-keys": "10" }, false],
  ["NumericGreaterThanEquals", "s3:max-keys", "10", { "s3:max-keys": "abc" }, false],
  ["DateGreaterThan", "aws:CurrentTime", "2024-01-01T00:00:00Z", { "aws:CurrentTime": "2024-05-01T12:00:00Z" }, true],
  ["DateLessThan", "aws:EpochTime", "1700000000", { "aws:EpochTime": "1600000000" }, true],
  ["IpAddress", "aws:SourceIp", "203.0.113.0/24", { "aws:SourceIp": "203.0.113.7" }, true],
  ["IpAddress", "aws:SourceIp", ["198.51.100.0/24", "203.0.113.7"], { "aws:SourceIp": "203.0.113.7" }, true],
  ["IpAddress", "aws:SourceIp", "203.0.113.0/24", { "aws:SourceIp": "203.0.114.7" }, false],
  ["NotIpAddress", "aws:SourceIp", "203.0.113.0/24", { "aws:SourceIp": "203.0.114.7" }, true],
  ["IpAddress", "aws:SourceIp", "2001:db8::/32", { "aws:SourceIp": "2001:db8:1::5" }, true],
  ["IpAddress", "aws:SourceIp", "2001:db8::/32", { "aws:SourceIp": "2001:db9::5" }, false],
  // Policy variables inside condition values
  ["StringLike", "s3:prefix", "${aws:username}/*", { "s3:prefix": "alice/docs", "aws:username": "alice" }, true],
  ["StringEquals", "s3:prefix", "${aws:username, 'guest'}", { "s3:prefix": "guest" }, true],
  ["StringEquals", "s3:prefix", "${aws:username}", { "s3:prefix": "x" }, false],
];

describe("condition operators", () => {
  for (const [operator, key, values, context, holds] of cases) {
    it(`${operator} ${key} ${JSON.stringify(values)} with ${JSON.stringify(context)} → ${holds}`, () => {
      const result = evaluatePolicies({
        policies: [policy(allow({ Action: "*", Resource: "*", Condition: { [operator]: { [key]: values } } }))],
        action: "appsync:GraphQL",
        resource: "arn:aws:appsync:us-east-1:111122223333:apis/abc/types/Query/fields/me",
        context,
      });
      expect(result.decision).toBe(holds ? "Allow" : "ImplicitDeny");
      expect(result.statements[0]!.conditions[0]).toMatchObject({ operator, key, holds });
    });
  }

  it("operators AND together, and so do keys within one operator", () => {
    const run = (context: RequestContext) =>
      evaluatePolicies({
        policies: [
          policy(
            allow({
              Action: "*",
              Resource: "*",
              Condition: { StringEquals: { "aws:username": "alice", "aws:PrincipalAccount": "111122223333" }, Bool: { "aws:SecureTransport": "true" } },
            }),
          ),
        ],
        action: "s3:GetObject",
        resource: "arn:aws:s3:::b/k",
        context,
      }).decision;
    expect(run({ "aws:username": "alice", "aws:PrincipalAccount": "111122223333", "aws:SecureTransport": "true" })).toBe("Allow");
    expect(run({ "aws:username": "alice", "aws:PrincipalAccount": "111122223333", "aws:SecureTransport": "false" })).toBe("ImplicitDeny");
    expect(run({ "aws:username": "alice", "aws:SecureTransport": "true" })).toBe("ImplicitDeny");
  });

  it("explains a failed condition with the values compared", () => {
    const result = evaluatePolicies({
      policies: [policy(allow({ Action: "*", Resource: "*", Condition: { StringEquals: { "aws:username": "alice" } } }))],
      action: "s3:GetObject",
      resource: "*",
      context: { "aws:username": "bob" },
    });
    expect(result.statements[0]!.why).toBe("condition StringEquals aws:username: request 'bob' does not match policy 'alice'");
  });
});
