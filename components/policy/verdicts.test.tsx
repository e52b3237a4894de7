// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { checkCall, checkTrust, preparePolicies, requiredCalls } from "@/lib/policy-check";
import { CallResult, TrustResult } from "./verdicts";

const environment = { region: "ap-northeast-1", appSync: [{ name: "api", url: "http://127.0.0.1:4577/appsync/wrongres000000000000000001/graphql", region: "ap-northeast-1", defaultAuthMode: "AWS_IAM" as const, additionalAuthModes: [] }] };
const [call] = requiredCalls({ environment, account: "111122223333", query: "{ listNotes { id } }" });
const policies = preparePolicies([
  { label: "policy 1", document: { Version: "2012-10-17", Statement: [{ Sid: "AppSyncGraphQL", Effect: "Allow", Action: "appsync:GraphQL", Resource: "arn:aws:appsync:ap-northeast-1:111122223333:apis/oldenvapi00000000000000001/*" }] } },
]);

describe("CallResult", () => {
  it("shows the ARN the call needs, the implicit deny, and what the near-miss statement should name", () => {
    render(<CallResult verdict={checkCall(call!, policies, {})} highlighted={false} />);
    const card = screen.getByRole("region", { name: /AppSync HTTP: Query listNotes/ });
    expect(within(card).getAllByText("Implicit deny").length).toBeGreaterThan(0);
    expect(within(card).getByTestId("needed-arn")).toHaveTextContent("arn:aws:appsync:ap-northeast-1:111122223333:apis/wrongres000000000000000001/types/Query/fields/listNotes");
    expect(within(card).getByTestId("should-name")).toHaveTextContent("API id oldenvapi00000000000000001 where the call needs wrongres000000000000000001");
    expect(within(card).getByRole("row", { name: /AppSyncGraphQL/ })).toHaveTextContent("does not match (on resource)");
  });
});

describe("TrustResult", () => {
  it("says what the app sees when the trust refuses, in the chosen flow", () => {
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": "ap-northeast-1:aaaa" } } }] };
    render(<TrustResult verdict={checkTrust({ label: "trust policy", document: trust }, { identityPoolId: "ap-northeast-1:bbbb", amr: ["authenticated"], flow: "basic" })} />);
    const section = screen.getByRole("region", { name: /Trust policy/ });
    expect(section).toHaveTextContent('What the app sees (basic flow): AccessDenied “Not authorized to perform sts:AssumeRoleWithWebIdentity”');
    expect(section).toHaveTextContent("does not match (on condition)");
  });
});
