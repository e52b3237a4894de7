import { describe, expect, it } from "vitest";
import { environmentSchema } from "../config/environment";
import { endpointPlace, offeredName, sameEnvironment } from "./offer-summary";

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

describe("sameEnvironment: a link repeating an environment already here", () => {
  const here = environmentSchema.parse({
    id: "sandbox-demo",
    name: "Local sandbox: demo",
    source: "sandbox",
    region: "ap-northeast-1",
    userPoolId: "ap-northeast-1_DemoPool1",
    userPoolClientId: "tuxqnxeeb1fx6m6nyyzpcmtoky",
    description: "the demo",
    appSync: [{ name: "demo", url: "https://abcdefghijklmnopqrstuvwxyz.appsync-api.ap-northeast-1.amazonaws.com/graphql", region: "ap-northeast-1", defaultAuthMode: "API_KEY", apiKey: "da2-abcdefghijklmnopqrstuvwxyz" }],
  });

  it("is found under any name, though the link left out the API key", () => {
    const shared = { ...here, name: "Renamed", source: "user" as const, description: undefined, appSync: here.appSync.map(({ apiKey: _key, ...api }) => api) };
    expect(sameEnvironment(shared, [here])?.id).toBe("sandbox-demo");
  });

  it("is not found when anything the dashboard uses differs", () => {
    expect(sameEnvironment({ ...here, userPoolClientId: "otherclient00000000000001" }, [here])).toBeUndefined();
    expect(sameEnvironment({ ...here, endpoints: { cognitoIdp: "https://idp.example" } }, [here])).toBeUndefined();
  });
});
