/**
 * Interoperability with real SDK signing: the official STS client signs GetCallerIdentity against
 * a loopback server that captures the raw request, and our verifier must accept it. (Node-only
 * test: the http server is test scaffolding, not library code.)
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature, type IncomingRequest } from "./index";
import { LONG_TERM, store, TEMPORARY } from "./test-support";

const RESPONSE = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/demo</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

let server: Server;
let endpoint: string;
const captured: IncomingRequest[] = [];

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  return new Uint8Array(Buffer.concat(chunks));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      captured.push({ method: req.method ?? "GET", url: `${endpoint}${req.url ?? "/"}`, headers, body });
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(RESPONSE);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("@aws-sdk/client-sts signatures verify", () => {
  for (const credentials of [LONG_TERM, TEMPORARY]) {
    it(`GetCallerIdentity signed by the SDK (${credentials.accessKeyId})`, async () => {
      const client = new STSClient({ region: "eu-west-1", endpoint, credentials, maxAttempts: 1 });
      const identity = await client.send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe("123456789012");

      const request = captured.at(-1)!;
      // The SDK signs with the wall clock, so the store's temporary key must outlive it.
      const lookupCredentials = store({
        [TEMPORARY.accessKeyId]: { ...TEMPORARY, expiration: new Date(Date.now() + 3600_000) },
      });
      const result = await verifySignature(request, { lookupCredentials, expectedService: "sts", expectedRegion: "eu-west-1" });
      expect(result).toMatchObject({ ok: true, service: "sts", region: "eu-west-1", accessKeyId: credentials.accessKeyId });
      // The SDK signs amz-sdk-* and x-amz-user-agent too, and declares x-amz-content-sha256.
      if (result.ok) expect(result.signedHeaders).toContain("x-amz-content-sha256");

      const otherBody = { ...request, body: new TextEncoder().encode("Action=GetCallerIdentity&Version=2011-06-16") };
      expect(await verifySignature(otherBody, { lookupCredentials })).toMatchObject({ ok: false, code: "ContentSha256Mismatch" });
      const otherHeader = { ...request, headers: { ...request.headers, "amz-sdk-request": "attempt=2; max=3" } };
      expect(await verifySignature(otherHeader, { lookupCredentials })).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
    });
  }
});
