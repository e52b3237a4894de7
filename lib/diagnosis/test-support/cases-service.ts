import { nearMiss, type Case } from "./case";

/**
 * AWS services' own answers, as public captures show them (fake ids). Near misses: the same
 * services saying something close that is another cause, or one no rule covers.
 */

export const SERVICE_CASES: readonly Case[] = [
  // API Gateway parses any Authorization header of a SigV4 (AWS_IAM) method, or of a path with no route, as a
  // SigV4 header: a bearer token there is refused before any authorizer (serverless/serverless#3205). No rule
  // covers API Gateway's IAM authorization, and the same answer for an unknown path makes it no cause on its own.
  nearMiss("agentcore-auth-method-mismatch", null, "serverless/serverless #3205 (API Gateway, bearer token to a SigV4-parsed header)",
    `{\n  "message": "'sometoken' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer sometoken'."\n}`),
];
