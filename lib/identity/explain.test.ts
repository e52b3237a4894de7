import { describe, expect, it } from "vitest";
import { maskAccessKeyId, roleArnOf } from "./explain";

describe("identity explanations", () => {
  it("turns an assumed-role ARN into its role", () => {
    expect(roleArnOf("arn:aws:sts::123456789012:assumed-role/demo-authenticated/CognitoIdentityCredentials")).toBe("arn:aws:iam::123456789012:role/demo-authenticated");
    expect(roleArnOf("arn:aws:iam::123456789012:user/bob")).toBeUndefined();
  });
  it("masks access key ids", () => {
    expect(maskAccessKeyId("ASIA5NBR5LH3GUDX65GT")).toBe("ASIA…65GT");
  });
});
