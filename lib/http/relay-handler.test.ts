/**
 * A real STSClient in "browser mode": requests signed by the SDK travel through
 * RelayHttpHandler → a server playing the Next.js route (relay-core) → an STS stand-in that
 * verifies the SigV4 signature with lib/sigv4. Over real sockets, with the real fetch.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { HttpRequest } from "@smithy/protocol-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPORARY } from "../../sandbox/sigv4/test-support";
import { RelayError } from "./errors";
import { createRelay } from "../../server/relay/relay-core";
import { RelayHttpHandler, toEnvelope } from "./relay-handler";
import { startRelayStandIn, startServer, startStsStandIn, type TestServer } from "../../server/relay/test-support";

let sts: Awaited<ReturnType<typeof startStsStandIn>>;
let relay: TestServer;
let relayUrl: string;

beforeAll(async () => {
  sts = await startStsStandIn();
  relay = await startRelayStandIn(createRelay({ sandboxOrigins: () => [sts.origin] }));
  relayUrl = `${relay.origin}/api/relay`;
});

afterAll(async () => {
  await Promise.all([sts.close(), relay.close()]);
});

/** Node's fetch, plus the header a browser adds to the dashboard's own calls (the relay requires it). */
const browserFetch: typeof fetch = (input, init) =>
  fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "sec-fetch-site": "same-origin" } });

const client = (endpoint: string, credentials = TEMPORARY) =>
  new STSClient({ region: "us-east-1", endpoint, credentials, maxAttempts: 1, requestHandler: new RelayHttpHandler({ relayUrl, fetchImpl: browserFetch }) });

describe("RelayHttpHandler", () => {
  it("lets STSClient call GetCallerIdentity through the relay; the signature verifies", async () => {
    const identity = await client(sts.origin).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe("123456789012");
    expect(sts.verdicts.at(-1)).toMatchObject({ ok: true, service: "sts", region: "us-east-1", accessKeyId: TEMPORARY.accessKeyId });
    // content-length is signed; the relay drops it and fetch recomputes it from the same body.
    expect(sts.verdicts.at(-1)).toHaveProperty("signedHeaders", expect.arrayContaining(["content-length", "host", "x-amz-security-token", "x-amz-user-agent"]));
  });

  it("returns the endpoint's errors for the SDK to parse", async () => {
    const wrongSecret = { ...TEMPORARY, secretAccessKey: "0".repeat(40) };
    await expect(client(sts.origin, wrongSecret).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "SignatureDoesNotMatch",
      $metadata: { httpStatusCode: 403 },
    });
  });

  it("throws the relay's refusal as a RelayError with its code", async () => {
    const error = await client("https://sts.amazonaws.com.evil.example").send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelayError);
    expect(error).toMatchObject({ code: "forbidden:relay:host", status: 403 });
  });

  it("says the relay is unavailable when the URL is not a relay", async () => {
    const notRelay = await startServer((_req, res) => {
      res.writeHead(404);
      res.end("Not found");
    });
    try {
      const sdk = new STSClient({
        region: "us-east-1",
        endpoint: sts.origin,
        credentials: TEMPORARY,
        maxAttempts: 1,
        requestHandler: new RelayHttpHandler({ relayUrl: `${notRelay.origin}/api/relay` }),
      });
      await expect(sdk.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ code: "unavailable:relay" });
    } finally {
      await notRelay.close();
    }
  });

  it("builds the URL as smithy's fetch handler does (sorted, RFC 3986 query)", () => {
    const envelope = toEnvelope(
      new HttpRequest({
        method: "GET",
        protocol: "https:",
        hostname: "bedrock-agentcore.us-east-1.amazonaws.com",
        path: "/runtimes/arn%3Aaws%3Ax/invocations",
        query: { qualifier: "DEFAULT", a: ["x y", "it's"], flag: null },
        headers: { "x-amz-date": "20240101T000000Z" },
      }),
    );
    expect(envelope).toEqual({
      method: "GET",
      url: "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Ax/invocations?a=x%20y&a=it%27s&flag&qualifier=DEFAULT",
      headers: { "x-amz-date": "20240101T000000Z" },
    });
    expect(() => toEnvelope(new HttpRequest({ method: "PUT", hostname: "h", path: "/" }))).toThrow(RelayError);
    expect(() => toEnvelope(new HttpRequest({ method: "POST", hostname: "h", path: "/", body: new Uint8Array([0xff, 0xfe]) }))).toThrow(/text bodies/);
  });
});
