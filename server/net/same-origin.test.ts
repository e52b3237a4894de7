import { describe, expect, it } from "vitest";
import { sameOriginJsonRefusal } from "./same-origin";

const post = (headers: Record<string, string>, url = "https://debugger.example.com/api/relay") => new Request(url, { method: "POST", headers, body: "{}" });
const JSON_TYPE = { "content-type": "application/json" };

describe("sameOriginJsonRefusal", () => {
  it.each([
    ["the dashboard's own fetch (Sec-Fetch-Site: same-origin)", { ...JSON_TYPE, "sec-fetch-site": "same-origin" }],
    ["a charset parameter and odd casing", { "content-type": "Application/JSON; charset=utf-8", "sec-fetch-site": "same-origin" }],
    ["no Sec-Fetch-Site, the site's own Origin", { ...JSON_TYPE, origin: "https://debugger.example.com" }],
  ])("lets through %s", (_label, headers) => {
    expect(sameOriginJsonRefusal(post(headers))).toBeUndefined();
  });

  it("takes the site's origin from Host and X-Forwarded-Proto (TLS ended in front of the server)", () => {
    const request = post({ ...JSON_TYPE, host: "debugger.example.com", "x-forwarded-proto": "https", origin: "https://debugger.example.com" }, "http://10.0.0.5:3000/api/relay");
    expect(sameOriginJsonRefusal(request)).toBeUndefined();
  });

  it.each([
    ["text/plain (a CORS simple request)", { "content-type": "text/plain", "sec-fetch-site": "same-origin" }],
    ["a form post", { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" }],
    ["multipart", { "content-type": "multipart/form-data; boundary=x", "sec-fetch-site": "same-origin" }],
    ["a look-alike type", { "content-type": "application/jsonp", "sec-fetch-site": "same-origin" }],
    ["no content type", { "sec-fetch-site": "same-origin" }],
  ])("refuses %s with 415", (_label, headers) => {
    const refusal = sameOriginJsonRefusal(post(headers));
    expect(refusal).toMatchObject({ status: 415 });
    expect(refusal?.message).toMatch(/Content-Type: application\/json/);
  });

  it.each([
    ["another site", { ...JSON_TYPE, "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a sibling subdomain", { ...JSON_TYPE, "sec-fetch-site": "same-site", origin: "https://other.example.com" }],
    ["a typed-in or bookmarked request", { ...JSON_TYPE, "sec-fetch-site": "none" }],
    ["Sec-Fetch-Site cross-site even with our Origin", { ...JSON_TYPE, "sec-fetch-site": "cross-site", origin: "https://debugger.example.com" }],
    ["another origin, no Sec-Fetch-Site", { ...JSON_TYPE, origin: "https://evil.example" }],
    ["the right host on another scheme", { ...JSON_TYPE, origin: "http://debugger.example.com" }],
    ["the right host on another port", { ...JSON_TYPE, origin: "https://debugger.example.com:8443" }],
    ["an opaque origin (sandboxed frame, file:)", { ...JSON_TYPE, origin: "null" }],
    ["neither header (curl, a script)", JSON_TYPE],
  ])("refuses %s with 403", (_label, headers) => {
    const refusal = sameOriginJsonRefusal(post(headers));
    expect(refusal).toMatchObject({ status: 403 });
    expect(refusal?.message).toMatch(/same origin/);
  });
});
