import { describe, expect, it } from "vitest";
import { regionOfAwsHost, regionsCookieAssignment, regionsFromCookie, REGIONS_COOKIE } from "./regions-cookie";

describe("regions cookie written by the dashboard", () => {
  it("round-trips through what the proxy reads", () => {
    const assignment = regionsCookieAssignment(["il-central-1", "mx-central-1", "il-central-1"], true);
    const [pair, ...attributes] = assignment.split("; ");
    expect(pair!.startsWith(`${REGIONS_COOKIE}=`)).toBe(true);
    expect(regionsFromCookie(pair!.slice(REGIONS_COOKIE.length + 1))).toEqual(["il-central-1", "mx-central-1"]);
    expect(attributes).toEqual(expect.arrayContaining(["Path=/", "SameSite=Lax", "Secure", "Max-Age=31536000"]));
  });

  it("is deleted when no region is left, and never carries anything but region names", () => {
    expect(regionsCookieAssignment([], false)).toBe(`${REGIONS_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`);
    expect(regionsCookieAssignment(["x; Domain=evil.example", "eu-west-1"], false)).toMatch(new RegExp(`^${REGIONS_COOKIE}=eu-west-1; `));
  });
});

describe("regionOfAwsHost", () => {
  it.each([
    ["cognito-idp.il-central-1.amazonaws.com", "il-central-1"],
    ["abc.appsync-api.us-gov-west-1.amazonaws.com", "us-gov-west-1"],
    ["cognito-identity.cn-north-1.amazonaws.com.cn", "cn-north-1"],
    ["sts.amazonaws.com", undefined],
    ["api.example.com", undefined],
    ["cognito-idp.il-central-1.amazonaws.com.evil.example", undefined],
  ])("%s → %s", (host, region) => expect(regionOfAwsHost(host)).toBe(region));
});
