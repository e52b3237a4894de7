import { describe, expect, it } from "vitest";
import { evaluatePolicies, type PrincipalValue, type RequestPrincipal } from "./index";
import { policy } from "./test-support";

const ROLE_SESSION: RequestPrincipal = { type: "AWS", id: "arn:aws:sts::111122223333:assumed-role/deployer/session-1" };

const cases: Array<[string, PrincipalValue, RequestPrincipal | undefined, boolean]> = [
  ['"*" admits anyone', "*", ROLE_SESSION, true],
  ['{"AWS":"*"} admits anyone', { AWS: "*" }, { type: "Federated", id: "cognito-identity.amazonaws.com" }, true],
  ["account id admits its principals", { AWS: "111122223333" }, ROLE_SESSION, true],
  ["account root ARN admits its principals", { AWS: "arn:aws:iam::111122223333:root" }, ROLE_SESSION, true],
  ["another account does not", { AWS: "444455556666" }, ROLE_SESSION, false],
  ["role ARN (with path) admits its sessions", { AWS: "arn:aws:iam::111122223333:role/ci/deployer" }, ROLE_SESSION, true],
  ["another role does not", { AWS: "arn:aws:iam::111122223333:role/reader" }, ROLE_SESSION, false],
  ["Federated compares exactly", { Federated: "cognito-identity.amazonaws.com" }, { type: "Federated", id: "cognito-identity.amazonaws.com" }, true],
  ["Federated is not AWS", { AWS: "cognito-identity.amazonaws.com" }, { type: "Federated", id: "cognito-identity.amazonaws.com" }, false],
  ["Service principal", { Service: ["lambda.amazonaws.com", "appsync.amazonaws.com"] }, { type: "Service", id: "appsync.amazonaws.com" }, true],
  ["no principal in the request", { Service: "appsync.amazonaws.com" }, undefined, false],
];

describe("Principal matching", () => {
  for (const [name, principal, requester, matches] of cases) {
    it(name, () => {
      const result = evaluatePolicies({
        policies: [policy({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" })],
        action: "sts:AssumeRole",
        resource: "arn:aws:iam::111122223333:role/target",
        ...(requester ? { principal: requester } : {}),
      });
      expect(result.decision).toBe(matches ? "Allow" : "ImplicitDeny");
    });
  }

  it("NotPrincipal admits everyone but the listed principals", () => {
    const run = (who: RequestPrincipal) =>
      evaluatePolicies({
        policies: [policy({ Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/deployer" }, Action: "*" }, { Effect: "Allow", Principal: "*", Action: "*" })],
        action: "sts:AssumeRole",
        resource: "*",
        principal: who,
      }).decision;
    expect(run(ROLE_SESSION)).toBe("Allow");
    expect(run({ type: "AWS", id: "arn:aws:sts::111122223333:assumed-role/other/s" })).toBe("ExplicitDeny");
  });
});
