import { describe, expect, it } from "vitest";
import { endpointPlace, offeredName } from "./offer-summary";

describe("endpointPlace", () => {
  it.each([
    ["https://cognito-idp.ap-northeast-1.amazonaws.com", "aws"],
    ["https://sts.amazonaws.com", "aws"],
    ["https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql", "aws"],
    ["https://cognito-idp.cn-north-1.amazonaws.com.cn", "aws"],
    ["https://abc123.execute-api.us-east-1.amazonaws.com/prod", "amazonaws"],
    ["https://vpce-0abc.cognito-idp.us-east-1.vpce.amazonaws.com", "amazonaws"],
    ["http://cognito-idp.us-east-1.amazonaws.com", "amazonaws"],
    ["https://cognito-idp.us-east-1.amazonaws.com:8443", "amazonaws"],
    ["http://127.0.0.1:4577", "outside"],
    ["https://cognito-idp.us-east-1.amazonaws.com.attacker.example", "outside"],
    ["https://cognito-idp.us-east-1.amazonaws.com@attacker.example/", "outside"],
    ["https://attacker.example/?to=sts.amazonaws.com", "outside"],
    ["not a url", "outside"],
  ])("%s is %s", (url, place) => {
    expect(endpointPlace(url)).toBe(place);
  });
});

describe("offeredName", () => {
  it("keeps a free name, and suffixes a taken one until it is free", () => {
    expect(offeredName("Demo", ["Other"])).toBe("Demo");
    expect(offeredName("Demo", ["Demo"])).toBe("Demo (shared)");
    expect(offeredName("Demo", ["Demo", "Demo (shared)", "Demo (shared 2)"])).toBe("Demo (shared 3)");
  });

  it("stays within the 100 characters a name may have", () => {
    const long = "x".repeat(100);
    const name = offeredName(long, [long]);
    expect(name).toHaveLength(100);
    expect(name.endsWith(" (shared)")).toBe(true);
  });
});
