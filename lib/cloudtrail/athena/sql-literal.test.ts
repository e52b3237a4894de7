import { describe, expect, it } from "vitest";
import { accessKeyIdSchema, ANY, athenaName, identityIdSchema, roleArnSchema, sqlIdentifier, sqlLikePattern, sqlString, sqlStringList } from "./sql-literal";

describe("SQL literals from user input", () => {
  it("doubles single quotes, so a quote cannot end the literal", () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
    expect(sqlString("a\\'; DROP TABLE t; --")).toBe("'a\\''; DROP TABLE t; --'");
  });

  it("refuses control characters a pasted id could hide", () => {
    expect(() => sqlString("us-east-1:abc\u0000")).toThrow(/control character/);
    expect(() => sqlString("line\nbreak")).toThrow(/control character/);
  });

  it("writes IN lists and refuses an empty one", () => {
    expect(sqlStringList(["a", "b'c"])).toBe("('a', 'b''c')");
    expect(() => sqlStringList([])).toThrow();
  });

  it("keeps LIKE wildcards to where the builder puts them", () => {
    expect(sqlLikePattern(["cognito-identity.amazonaws.com:", ANY, ":us-east-1:1"])).toBe("'cognito-identity.amazonaws.com:%:us-east-1:1'");
    expect(() => sqlLikePattern(["100%"])).toThrow(/% or _/);
    expect(() => sqlLikePattern(["a_b"])).toThrow(/% or _/);
  });

  it("quotes only names that need it and refuses anything else", () => {
    expect(sqlIdentifier("cloudtrail_logs")).toBe("cloudtrail_logs");
    expect(sqlIdentifier("my-db")).toBe('"my-db"');
    expect(() => sqlIdentifier('x"; DROP')).toThrow();
    expect(athenaName.parse("CloudTrail_Logs")).toBe("cloudtrail_logs");
    expect(athenaName.safeParse("logs; DROP TABLE x").success).toBe(false);
    expect(athenaName.safeParse('a"b').success).toBe(false);
  });

  it("validates ids by their AWS shape before they reach SQL", () => {
    expect(identityIdSchema.safeParse("us-east-1:0c8b1f5e-1111-2222-3333-444455556666").success).toBe(true);
    expect(identityIdSchema.safeParse("us-east-1:x' OR '1'='1").success).toBe(false);
    expect(accessKeyIdSchema.safeParse("ASIA5NBR5LH3GUDX65GT").success).toBe(true);
    expect(accessKeyIdSchema.safeParse("asia'--").success).toBe(false);
    expect(roleArnSchema.safeParse("arn:aws:iam::111122223333:role/service-role/Cognito_Auth").success).toBe(true);
    expect(roleArnSchema.safeParse("arn:aws:iam::111122223333:role/x'y").success).toBe(false);
  });
});
