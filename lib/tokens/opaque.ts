/**
 * Names the non-JWT strings people paste into a token box, so the answer is "that's your AppSync
 * API key" rather than "invalid token". Order matters: most specific first.
 */

const KINDS: ReadonlyArray<{ test: RegExp; describe: string }> = [
  {
    test: /^da2-[a-z0-9]{26}$/,
    describe:
      "an AppSync API key (da2-…). It goes in the x-api-key header for the API_KEY authorization mode; it is not a JWT and carries no claims",
  },
  {
    test: /^da2-/,
    describe:
      "what looks like an AppSync API key (da2-…, though not the usual 26 characters after the prefix). API keys go in the x-api-key header; they are not JWTs",
  },
  {
    test: /^(AKIA|ASIA)[A-Z0-9]{16}$/,
    describe:
      "an AWS access key id: half of a credential pair used to SigV4-sign requests (AWS_IAM mode), not a bearer token",
  },
  {
    // STS session tokens are long base64 and, today, start with this prefix.
    test: /^(IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9+/=]{40,}$/,
    describe: "an AWS session token (the third part of temporary credentials for SigV4), not a bearer token",
  },
  {
    test: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    describe: "a UUID, such as a session id, a jti or a Cognito sub; it is not a token",
  },
  {
    test: /^[0-9a-z]{25,27}$/,
    describe: "what looks like a Cognito app client id (26 lower-case letters and digits), not a token",
  },
];

/** One clause describing a string that has no `.` and so cannot be a JWT. */
export function describeOpaque(text: string): string {
  for (const kind of KINDS) if (kind.test.test(text)) return kind.describe;
  return "an opaque string with no '.' separators, so not a JWT; there is nothing in it to decode (for example a non-JWT OAuth access token, a session id, or a truncated paste)";
}
