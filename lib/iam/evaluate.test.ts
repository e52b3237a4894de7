import { describe, expect, it } from "vitest";
import { appSyncFieldArn, evaluatePolicies, type Decision, type EvaluationRequest } from "./index";
import { ACCOUNT, allow, deny, policy, REGION } from "./test-support";

const REAL_API = "realapi7xq2fbw3n5dm4ca";
const OTHER_API = "oldapiyyk3d5l2fpbgwv4u";
const FIELD = appSyncFieldArn(REGION, ACCOUNT, REAL_API, "Query", "listTodos");
const apiArn = (id: string, rest = "*") => `arn:aws:appsync:${REGION}:${ACCOUNT}:apis/${id}/${rest}`;
const graphql = (resource: string = FIELD): Omit<EvaluationRequest, "policies"> => ({ action: "appsync:GraphQL", resource });

interface Case {
  name: string;
  request: EvaluationRequest;
  decision: Decision;
  why?: RegExp;
}

const cases: Case[] = [
  {
    name: "Allow on the API's fields",
    request: { policies: [policy(allow({ Action: "appsync:GraphQL", Resource: apiArn(REAL_API) }))], ...graphql() },
    decision: "Allow",
  },
  {
    name: "seed 001: the authenticated role's appsync:GraphQL names another API",
    request: { policies: [policy(allow({ Action: ["appsync:GraphQL"], Resource: [apiArn(OTHER_API)] }))], ...graphql() },
    decision: "ImplicitDeny",
    why: /resource arn:aws:appsync:ap-northeast-1:111122223333:apis\/realapi7xq2fbw3n5dm4ca\/types\/Query\/fields\/listTodos is not in Resource/,
  },
  {
    name: "explicit Deny beats Allow",
    request: {
      policies: [
        policy(allow({ Action: "appsync:*", Resource: "*" })),
        policy(deny({ Action: "appsync:GraphQL", Resource: apiArn(REAL_API, "types/Query/*") })),
      ],
      ...graphql(),
    },
    decision: "ExplicitDeny",
  },
  {
    name: "no statement at all applies",
    request: { policies: [policy(allow({ Action: "s3:GetObject", Resource: "*" }))], ...graphql() },
    decision: "ImplicitDeny",
    why: /action appsync:GraphQL is not in Action 's3:GetObject'/,
  },
  {
    name: "actions compare case-insensitively",
    request: { policies: [policy(allow({ Action: "AppSync:graphql", Resource: "*" }))], ...graphql() },
    decision: "Allow",
  },
  {
    name: "action wildcard ?",
    request: { policies: [policy(allow({ Action: "appsync:Graph?L", Resource: "*" }))], ...graphql() },
    decision: "Allow",
  },
  {
    name: "action wildcard * alone",
    request: { policies: [policy(allow({ Action: "*", Resource: "*" }))], ...graphql() },
    decision: "Allow",
  },
  {
    name: "NotAction allows what it does not list",
    request: { policies: [policy(allow({ NotAction: ["iam:*", "sts:*"], Resource: "*" }))], ...graphql() },
    decision: "Allow",
  },
  {
    name: "NotAction does not allow what it lists",
    request: { policies: [policy(allow({ NotAction: "appsync:*", Resource: "*" }))], ...graphql() },
    decision: "ImplicitDeny",
    why: /excluded by NotAction 'appsync:\*'/,
  },
  {
    name: "Deny with NotResource fences everything but one API",
    request: {
      policies: [policy(allow({ Action: "appsync:GraphQL", Resource: "*" }), deny({ Action: "appsync:*", NotResource: apiArn(OTHER_API) }))],
      ...graphql(),
    },
    decision: "ExplicitDeny",
  },
  {
    name: "NotResource leaves the listed API alone",
    request: {
      policies: [policy(allow({ Action: "appsync:GraphQL", Resource: "*" }), deny({ Action: "appsync:*", NotResource: apiArn(REAL_API) }))],
      ...graphql(),
    },
    decision: "Allow",
  },
  {
    name: "resource ARNs are case-sensitive",
    request: { policies: [policy(allow({ Action: "appsync:GraphQL", Resource: apiArn(REAL_API.toUpperCase()) }))], ...graphql() },
    decision: "ImplicitDeny",
  },
  {
    name: "wildcard in one ARN part (region)",
    request: { policies: [policy(allow({ Action: "appsync:GraphQL", Resource: `arn:aws:appsync:*:${ACCOUNT}:apis/${REAL_API}/*` }))], ...graphql() },
    decision: "Allow",
  },
  {
    name: "a field-level Resource with ? wildcards",
    request: { policies: [policy(allow({ Action: "appsync:GraphQL", Resource: apiArn(REAL_API, "types/Query/fields/list?odos") }))], ...graphql() },
    decision: "Allow",
  },
  {
    name: "a Resource for the API itself does not cover its fields",
    request: { policies: [policy(allow({ Action: "appsync:GraphQL", Resource: `arn:aws:appsync:${REGION}:${ACCOUNT}:apis/${REAL_API}` }))], ...graphql() },
    decision: "ImplicitDeny",
  },
  {
    name: "policy variable in Resource resolves from the context",
    request: {
      policies: [policy(allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*" }))],
      action: "s3:GetObject",
      resource: `arn:aws:s3:::bucket/${REGION}:abc/photo.jpg`,
      context: { "cognito-identity.amazonaws.com:sub": `${REGION}:abc` },
    },
    decision: "Allow",
  },
  {
    name: "policy variable without a value: the statement does not apply",
    request: {
      policies: [policy(allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*" }))],
      action: "s3:GetObject",
      resource: "arn:aws:s3:::bucket/x/photo.jpg",
    },
    decision: "ImplicitDeny",
    why: /policy variable \$\{cognito-identity\.amazonaws\.com:sub\} has no value/,
  },
  {
    name: "Version 2008-10-17 reads ${...} literally",
    request: {
      policies: [{ Version: "2008-10-17", Statement: allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/${aws:username}" }) }],
      action: "s3:GetObject",
      resource: "arn:aws:s3:::bucket/${aws:username}",
      context: { "aws:username": "alice" },
    },
    decision: "Allow",
  },
  {
    name: "substituted text is literal, not a wildcard",
    request: {
      policies: [policy(allow({ Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/${aws:username}" }))],
      action: "s3:GetObject",
      resource: "arn:aws:s3:::bucket/anything",
      context: { "aws:username": "*" },
    },
    decision: "ImplicitDeny",
  },
];

describe("evaluatePolicies", () => {
  for (const c of cases) {
    it(`${c.name} → ${c.decision}`, () => {
      const result = evaluatePolicies(c.request);
      expect(result.decision).toBe(c.decision);
      if (c.why) expect(result.statements.map((s) => s.why).join("\n")).toMatch(c.why);
    });
  }

  it("reports every statement with its policy index, sid, effect and reason", () => {
    const result = evaluatePolicies({
      policies: [policy(allow({ Sid: "Old", Action: "appsync:GraphQL", Resource: apiArn(OTHER_API) })), policy(allow({ Sid: "S3", Action: "s3:*", Resource: "*" }))],
      ...graphql(),
    });
    expect(result.statements.map(({ policyIndex, sid, effect, matched }) => ({ policyIndex, sid, effect, matched }))).toEqual([
      { policyIndex: 0, sid: "Old", effect: "Allow", matched: false },
      { policyIndex: 1, sid: "S3", effect: "Allow", matched: false },
    ]);
    expect(result.summary).toBe(`Implicitly denied: no statement allows appsync:GraphQL on ${FIELD}.`);
  });

  describe("session policies intersect", () => {
    const identity = [policy(allow({ Action: ["appsync:GraphQL", "bedrock-agentcore:InvokeAgentRuntime"], Resource: "*" }))];
    it("both allow → Allow", () => {
      const result = evaluatePolicies({ policies: identity, sessionPolicy: policy(allow({ Action: "appsync:*", Resource: "*" })), ...graphql() });
      expect(result).toMatchObject({ decision: "Allow", identityDecision: "Allow", sessionDecision: "Allow" });
    });
    it("identity allows, session silent → ImplicitDeny", () => {
      const result = evaluatePolicies({
        policies: identity,
        sessionPolicy: policy(allow({ Action: "appsync:*", Resource: "*" })),
        action: "bedrock-agentcore:InvokeAgentRuntime",
        resource: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/agent-1`,
      });
      expect(result).toMatchObject({ decision: "ImplicitDeny", identityDecision: "Allow", sessionDecision: "ImplicitDeny" });
      expect(result.summary).toMatch(/session policy does not/);
      expect(result.statements.at(-1)).toMatchObject({ source: "session", matched: false });
    });
    it("session policy alone never grants", () => {
      const result = evaluatePolicies({ policies: [], sessionPolicy: policy(allow({ Action: "*", Resource: "*" })), ...graphql() });
      expect(result.decision).toBe("ImplicitDeny");
    });
    it("a Deny in the session policy is explicit", () => {
      const result = evaluatePolicies({ policies: identity, sessionPolicy: policy(deny({ Action: "*", Resource: "*" })), ...graphql() });
      expect(result.decision).toBe("ExplicitDeny");
    });
  });

  // IAM guide, "Cross-account policy evaluation logic": the identity policy and the resource's
  // policy must both allow a principal from another account.
  describe("cross-account requests need the resource's own policy too", () => {
    const OTHER = "444455556666";
    const runtime = `arn:aws:bedrock-agentcore:${REGION}:${OTHER}:runtime/partner-1`;
    const role = `arn:aws:iam::${ACCOUNT}:role/caller`;
    const session = { type: "AWS" as const, id: `arn:aws:sts::${ACCOUNT}:assumed-role/caller/s1` };
    const everywhere = [policy(allow({ Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: "*" }))];
    const invoke = { action: "bedrock-agentcore:InvokeAgentRuntime", resource: runtime, principal: session, principalAccount: ACCOUNT };
    const resourcePolicy = (principal: string) =>
      policy(allow({ Principal: { AWS: principal }, Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: runtime }));

    it("Resource * in the identity policy alone → ImplicitDeny, naming the missing resource policy", () => {
      const result = evaluatePolicies({ policies: everywhere, ...invoke });
      expect(result).toMatchObject({ decision: "ImplicitDeny", identityDecision: "Allow", crossAccount: true });
      expect(result.summary).toMatch(/belongs to account 444455556666 and no resource-based policy there allows/);
    });
    it("the resource policy names the role and the identity policy allows → Allow", () => {
      const result = evaluatePolicies({ policies: everywhere, resourcePolicy: resourcePolicy(role), ...invoke });
      expect(result).toMatchObject({ decision: "Allow", resourceDecision: "Allow" });
    });
    it("the resource policy alone does not reach across accounts", () => {
      expect(evaluatePolicies({ policies: [], resourcePolicy: resourcePolicy(ACCOUNT), ...invoke }).decision).toBe("ImplicitDeny");
    });
    it("a resource policy naming another principal → ImplicitDeny", () => {
      const result = evaluatePolicies({ policies: everywhere, resourcePolicy: resourcePolicy(`arn:aws:iam::${ACCOUNT}:role/someone-else`), ...invoke });
      expect(result).toMatchObject({ decision: "ImplicitDeny", resourceDecision: "ImplicitDeny" });
    });
    it("within one account a resource policy grants on its own", () => {
      const own = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/own-1`;
      const ownPolicy = policy(allow({ Principal: { AWS: role }, Action: "bedrock-agentcore:InvokeAgentRuntime", Resource: own }));
      const result = evaluatePolicies({ policies: [], resourcePolicy: ownPolicy, ...invoke, resource: own });
      expect(result).toMatchObject({ decision: "Allow", crossAccount: false });
    });
  });
});
