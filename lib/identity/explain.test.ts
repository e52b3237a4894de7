import { describe, expect, it } from "vitest";
import { explainIdentityError, maskAccessKeyId, roleArnOf } from "./explain";

describe("identity explanations", () => {
  it("explains the trust-policy failure of seed 001's second hypothesis", () => {
    expect(explainIdentityError("InvalidIdentityPoolConfigurationException", "Invalid identity pool configuration. Check assigned IAM roles for this pool.")).toMatch(/trust policy/);
  });
  it("says nothing for an error it does not know", () => {
    expect(explainIdentityError("ThrottlingException", "Rate exceeded")).toBeUndefined();
  });
  it("turns an assumed-role ARN into its role", () => {
    expect(roleArnOf("arn:aws:sts::123456789012:assumed-role/demo-authenticated/CognitoIdentityCredentials")).toBe("arn:aws:iam::123456789012:role/demo-authenticated");
    expect(roleArnOf("arn:aws:iam::123456789012:user/bob")).toBeUndefined();
  });
  it("masks access key ids", () => {
    expect(maskAccessKeyId("ASIA5NBR5LH3GUDX65GT")).toBe("ASIA…65GT");
  });
});
