import { describe, expect, it } from "vitest";
import { appSyncApiArn, appSyncFieldArn, arnLike, formatArn, parseArn } from "./index";

describe("ARN helpers", () => {
  it("builds AppSync field and API ARNs", () => {
    expect(appSyncFieldArn("us-east-1", "111122223333", "abc123", "Query", "listTodos")).toBe(
      "arn:aws:appsync:us-east-1:111122223333:apis/abc123/types/Query/fields/listTodos",
    );
    expect(appSyncApiArn("us-east-1", "111122223333", "abc123")).toBe("arn:aws:appsync:us-east-1:111122223333:apis/abc123");
  });

  it("parses ARNs, keeping colons inside the resource", () => {
    expect(parseArn("arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/agent-1")).toEqual({
      partition: "aws",
      service: "bedrock-agentcore",
      region: "us-east-1",
      account: "111122223333",
      resource: "runtime/agent-1",
    });
    const lambda = parseArn("arn:aws:lambda:us-east-1:111122223333:function:fn:prod")!;
    expect(lambda.resource).toBe("function:fn:prod");
    expect(formatArn(lambda)).toBe("arn:aws:lambda:us-east-1:111122223333:function:fn:prod");
    expect(parseArn("arn:aws:s3:::bucket/key")).toMatchObject({ region: "", account: "", resource: "bucket/key" });
  });

  it("refuses what is not an ARN", () => {
    for (const text of ["", "*", "arn:aws:s3", "urn:aws:s3:::b", "arn:aws:s3:::"]) expect(parseArn(text)).toBeUndefined();
  });

  it("ArnLike matches part by part", () => {
    expect(arnLike("arn:aws:iam::111122223333:role/x", "arn:aws:iam::*:role/*")).toBe(true);
    expect(arnLike("arn:aws:iam::111122223333:role/x", "arn:aws:iam::*:user/*")).toBe(false);
    expect(arnLike("arn:aws:iam::111122223333:role/x", "*")).toBe(true);
    expect(arnLike("arn:aws:appsync:us-east-1:111122223333:apis/a", "arn:aws:appsync:*")).toBe(true);
  });
});
