// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { environmentSchema, type Environment } from "@/lib/config/environment";
import { CLIENT_ID, POOL_ID, signPair } from "@/components/test-support/signed-tokens";
import { RoleChoicePanel } from "./role-choice";

const KEY = `cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}:${CLIENT_ID}`;
const SALES = "arn:aws:iam::111122223333:role/sales";
const AUTH = "arn:aws:iam::111122223333:role/authenticated";
const RULES = { [KEY]: { Type: "Rules", AmbiguousRoleResolution: "Deny", RulesConfiguration: { Rules: [{ Claim: "custom:dept", MatchType: "Equals", Value: "Sales", RoleARN: SALES }] } } };

const environment = (extra: Record<string, unknown> = {}): Environment =>
  environmentSchema.parse({ id: "customer", name: "Customer", region: "eu-west-1", userPoolId: POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: "eu-west-1:0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b", ...extra });

beforeEach(() => window.sessionStorage.clear());

describe("RoleChoicePanel", () => {
  it("asks an AWS environment for get-identity-pool-roles output and explains the rule that chose the role", async () => {
    const { id } = await signPair(0, { "custom:dept": "Sales" });
    render(<RoleChoicePanel environment={environment()} idToken={id} />);
    const panel = screen.getByRole("region", { name: "Which role the identity pool chooses" });
    expect(panel).toHaveTextContent("aws cognito-identity get-identity-pool-roles --identity-pool-id eu-west-1:0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b");
    await userEvent.click(within(panel).getByLabelText("get-identity-pool-roles output"));
    await userEvent.paste(JSON.stringify({ Roles: { authenticated: AUTH }, RoleMappings: RULES }));
    await userEvent.click(within(panel).getByRole("button", { name: "Explain the role" }));
    expect(screen.getByTestId("predicted-role")).toHaveTextContent(SALES);
    expect(screen.getByTestId("role-reason")).toHaveTextContent("Rule 1 is the first that matches");
    expect(within(screen.getByRole("table", { name: "Role mapping rules, in order" })).getByText(/chosen/)).toBeInTheDocument();
  });

  it("says why nobody gets credentials when no rule matches, and what AWS answers, marked not confirmed", async () => {
    const { id } = await signPair(0, { "custom:dept": "sales" });
    render(<RoleChoicePanel environment={environment({ identityPoolRoles: { Roles: { authenticated: AUTH }, RoleMappings: RULES } })} idToken={id} />);
    expect(screen.getByTestId("role-reason")).toHaveTextContent("None of the 1 rules matches; AmbiguousRoleResolution is Deny");
    expect(screen.getByTestId("predicted-refusal")).toHaveTextContent(`The ambiguous role mapping rules for: cognito-idp.eu-west-1.amazonaws.com/${POOL_ID} denied this request.`);
    expect(screen.getByTestId("refusal-unconfirmed")).toHaveTextContent("Not confirmed");
    expect(screen.getByRole("table", { name: "Role mapping rules, in order" })).toHaveTextContent('custom:dept is "sales": Equals "Sales" does not hold');
  });

  it("predicts a CustomRoleArn choice among the token's cognito:roles", async () => {
    const VIEWER = "arn:aws:iam::111122223333:role/viewer";
    const { id } = await signPair(0, { "cognito:roles": [SALES, VIEWER] });
    render(<RoleChoicePanel environment={environment({ identityPoolRoles: { Roles: { authenticated: AUTH }, RoleMappings: { [KEY]: { Type: "Token", AmbiguousRoleResolution: "Deny" } } } })} idToken={id} />);
    expect(screen.getByTestId("role-reason")).toHaveTextContent("2 cognito:roles and no cognito:preferred_role");
    await userEvent.type(screen.getByLabelText("CustomRoleArn to predict"), VIEWER);
    expect(screen.getByTestId("predicted-role")).toHaveTextContent(VIEWER);
  });

  it("names a paste that is not the command's output", async () => {
    const { id } = await signPair();
    render(<RoleChoicePanel environment={environment()} idToken={id} />);
    await userEvent.click(screen.getByLabelText("get-identity-pool-roles output"));
    await userEvent.paste('{"RoleMappings": {"x": {"Type": "Rules"}}}');
    await userEvent.click(screen.getByRole("button", { name: "Explain the role" }));
    expect(screen.getByRole("alert")).toHaveTextContent("RulesConfiguration");
  });
});
