/**
 * Test-only: secrets planted in requests and errors, and a watch over everything a server could
 * print (console.* and the process's stdout/stderr) to prove none of them comes out.
 */
import { vi } from "vitest";

export const PLANTED = {
  jwtSignature: "UExBTlRFRC1KV1QtU0lHTkFUVVJFLXNpZ25hdHVyZQ",
  /** 40 characters, mixed case: the shape of an AWS secret access key. */
  secretKey: "PLANTEDsecretKEYwJalrXUtnFEMI/K7MDENG+bP",
  apiKey: "da2-plantedapikeyplantedapik",
  /** No recognisable shape: only the name it sits under gives it away. */
  password: "Correct-Horse-PLANTED-9!",
  sessionToken: "IQoJb3JpZ2luX2VjPLANTEDsessionTOKENaaaabbbbccccddddeeeeffff0000111122223333",
  opaqueToken: "opaquePLANTEDbearer0123456789abcdef",
  accessKeyId: "ASIAPLANTEDKEY123456",
};

export const PLANTED_JWT = `eyJhbGciOiJSUzI1NiIsImtpZCI6InBsYW50ZWQifQ.eyJzdWIiOiJwbGFudGVkIiwidG9rZW5fdXNlIjoiaWQifQ.${PLANTED.jwtSignature}`;

/** The strings that must never be printed (an API key's first part alone is enough to tell). */
const MUST_NOT_APPEAR = [
  PLANTED.jwtSignature,
  PLANTED.secretKey,
  PLANTED.apiKey,
  PLANTED.apiKey.slice(0, -4),
  PLANTED.password,
  PLANTED.sessionToken,
  PLANTED.opaqueToken,
  PLANTED.accessKeyId,
];

/** Finds a planted secret in any form it could still be printed: plain, URL-, JSON- or base64-encoded. */
export function leaks(text: string): string[] {
  return MUST_NOT_APPEAR.filter((secret) =>
    [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString("base64").slice(0, 24)].some((form) =>
      text.includes(form),
    ),
  );
}

const METHODS = ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] as const;

interface OutputWatch {
  /** Everything written so far, console arguments and raw writes alike. */
  text(): string;
  calls(): number;
  restore(): void;
}

/** Captures console.* and process.stdout/stderr.write (silently) until restore(). */
export function watchOutput(): OutputWatch {
  const chunks: string[] = [];
  let calls = 0;
  const spies = [
    ...METHODS.map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        calls++;
        chunks.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg))).join(" "));
      }),
    ),
    ...([process.stdout, process.stderr] as const).map((stream) =>
      vi.spyOn(stream, "write").mockImplementation(((chunk: unknown) => {
        calls++;
        chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
        return true;
      }) as typeof stream.write),
    ),
  ];
  return {
    text: () => chunks.join("\n"),
    calls: () => calls,
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

function inspect(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ""}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
