/**
 * Test fixtures: a tiny credential store and helpers that turn what the signer produced into what
 * a server would receive. Keys follow AWS's documented example shapes; none are real.
 */
import type { AwsCredentials, SignedRequest } from "../../lib/sigv4/types";
import type { IncomingRequest, KnownCredentials } from "./types";

export const LONG_TERM: AwsCredentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

export const TEMPORARY: Required<AwsCredentials> = {
  accessKeyId: "ASIAIOSFODNN7EXAMPLE",
  secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+plus=",
};

export const NOW = new Date("2024-05-01T12:00:00Z");

export function store(
  overrides: Record<string, KnownCredentials | undefined> = {},
): (accessKeyId: string) => KnownCredentials | undefined {
  const base: Record<string, KnownCredentials | undefined> = {
    [LONG_TERM.accessKeyId]: { secretAccessKey: LONG_TERM.secretAccessKey },
    [TEMPORARY.accessKeyId]: {
      secretAccessKey: TEMPORARY.secretAccessKey,
      sessionToken: TEMPORARY.sessionToken,
      expiration: new Date(NOW.getTime() + 3600_000),
    },
  };
  const all = { ...base, ...overrides };
  return (accessKeyId) => all[accessKeyId];
}

/** The signed request as it arrives: same URL (or the URL it was actually sent to), same bytes. */
export function received(signed: SignedRequest, sentTo?: string): IncomingRequest {
  return { method: signed.method, url: sentTo ?? signed.url, headers: { ...signed.headers }, body: signed.body ?? "" };
}

/** A presigned URL as a WebSocket upgrade arrives at a server: GET, only the host header. */
export function upgrade(presignedUrl: string): IncomingRequest {
  const httpsUrl = presignedUrl.replace(/^wss:/, "https:");
  return { method: "GET", url: httpsUrl, headers: { host: new URL(httpsUrl).host, "user-agent": "test" }, body: "" };
}
