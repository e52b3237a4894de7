import aws4 from "aws4";
import { describe, expect, it } from "vitest";
import { presignUrl } from "../../lib/sigv4/index";
import { verifySignature } from "./index";
import { parseAmzDate } from "./parse-auth";
import { NOW, store, TEMPORARY } from "./test-support";

/**
 * Services other than S3 ignore X-Amz-Expires and keep a presigned request valid for a fixed time
 * after X-Amz-Date (aws/aws-sdk-go#2224); STS's presigned GetCallerIdentity is the case users meet.
 * aws4 leaves X-Amz-Expires out of such URLs altogether.
 */

const HOST = "sts.us-east-1.amazonaws.com";
const PATH = "/?Action=GetCallerIdentity&Version=2011-06-15";
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const get = (url: string) => ({ method: "GET", url, headers: { host: HOST }, body: "" });

function aws4Url(): string {
  const signed = aws4.sign({ host: HOST, path: PATH, method: "GET", service: "sts", region: "us-east-1", signQuery: true } as aws4.Request, TEMPORARY);
  return `https://${HOST}${signed.path}`;
}

describe("presigned URLs of a service with a fixed lifetime", () => {
  it("verifies a URL without X-Amz-Expires, signed by aws4, within the lifetime and refuses it after", async () => {
    const url = aws4Url();
    expect(url).not.toContain("X-Amz-Expires");
    const signedAt = parseAmzDate(new URL(url).searchParams.get("X-Amz-Date")!)!;
    const options = (now: Date) => ({
      lookupCredentials: store({ [TEMPORARY.accessKeyId]: { secretAccessKey: TEMPORARY.secretAccessKey, sessionToken: TEMPORARY.sessionToken } }),
      now,
      fixedPresignLifetimeSeconds: 900,
    });
    expect(await verifySignature(get(url), options(new Date(signedAt.getTime() + 60_000)))).toMatchObject({ ok: true, mode: "query" });
    expect(await verifySignature(get(url), options(new Date(signedAt.getTime() + 16 * 60_000)))).toMatchObject({ ok: false, code: "RequestExpired" });
  });

  it("still refuses a URL without X-Amz-Expires where the service honours the parameter", async () => {
    const result = await verifySignature(get(aws4Url()), { lookupCredentials: store(), now: new Date() });
    expect(result).toMatchObject({ ok: false, code: "UnsupportedSignature" });
  });

  it("ignores a shorter X-Amz-Expires: the fixed lifetime decides", async () => {
    const url = await presignUrl({ method: "GET", url: `https://${HOST}${PATH}` }, { credentials: TEMPORARY, region: "us-east-1", service: "sts", expiresIn: 60, signingDate: NOW });
    const options = { lookupCredentials: store(), now: at(10), fixedPresignLifetimeSeconds: 900 };
    expect(await verifySignature(get(url), options)).toMatchObject({ ok: true });
    expect(await verifySignature(get(url), { lookupCredentials: store(), now: at(10) })).toMatchObject({ ok: false, code: "RequestExpired" });
  });
});
