/**
 * Test scaffolding (Node only): loopback HTTP servers standing in for AWS endpoints and for the
 * Next.js relay route, so relay tests go over real sockets with the real fetch.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature, type IncomingRequest, type VerifyResult } from "../../sandbox/sigv4";
import { store, TEMPORARY } from "../../sandbox/sigv4/test-support";

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk as Uint8Array);
  return new Uint8Array(Buffer.concat(chunks));
}

export function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const CALLER_IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/R/s</Arn><UserId>AROAEXAMPLE:s</UserId><Account>123456789012</Account></GetCallerIdentityResult>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

/**
 * An STS stand-in that verifies every request's SigV4 signature with lib/sigv4 (the sandbox's
 * verifier) and answers GetCallerIdentity, or AWS's error XML when the signature fails.
 */
export async function startStsStandIn(): Promise<TestServer & { verdicts: VerifyResult[]; received: IncomingRequest[] }> {
  const verdicts: VerifyResult[] = [];
  const received: IncomingRequest[] = [];
  const lookupCredentials = store({ [TEMPORARY.accessKeyId]: { ...TEMPORARY, expiration: new Date(Date.now() + 3600_000) } });
  const server = await startServer((req, res) => {
    void readBody(req).then(async (body) => {
      const incoming: IncomingRequest = { method: req.method ?? "GET", url: `${server.origin}${req.url ?? "/"}`, headers: headerRecord(req), body };
      received.push(incoming);
      const verdict = await verifySignature(incoming, { lookupCredentials, expectedService: "sts" });
      verdicts.push(verdict);
      if (verdict.ok) {
        res.writeHead(200, { "content-type": "text/xml", "set-cookie": "AWSALB=x; Path=/", "x-amzn-requestid": "req-1" });
        res.end(CALLER_IDENTITY);
        return;
      }
      res.writeHead(verdict.status, { "content-type": "text/xml" });
      res.end(
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${verdict.code}</Code>` +
          `<Message>${verdict.message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
      );
    });
  });
  return { ...server, verdicts, received };
}

/** The Next.js route, played by a plain server: Node request → web Request → handler → Node response. */
export async function startRelayStandIn(handler: (request: Request) => Promise<Response>): Promise<TestServer> {
  const server = await startServer((req, res) => {
    void readBody(req).then(async (body) => {
      const request = new Request(`${server.origin}${req.url ?? "/"}`, {
        method: req.method,
        headers: headerRecord(req),
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const response = await handler(request);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      res.writeHead(response.status, headers);
      res.end(new Uint8Array(await response.arrayBuffer()));
    });
  });
  return server;
}
