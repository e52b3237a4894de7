import { z } from "zod";
import type { CustomClaimValidation } from "./agentcore-claims";

/**
 * customClaims as people paste them: the list itself, or the object around it that
 * `aws bedrock-agentcore-control get-agent-runtime` / `get-gateway` print
 * (authorizerConfiguration.customJWTAuthorizer.customClaims; CustomJWTAuthorizerConfiguration and
 * CustomClaimValidationType in the AgentCore control-plane API reference). Only the shape is
 * checked here; the operator/type pairing is a rule of its own (agentcore-claims.ts), so a wrong
 * pairing shows as a failing row rather than as unreadable input.
 */

const validation = z.object({
  inboundTokenClaimName: z.string().min(1),
  inboundTokenClaimValueType: z.enum(["STRING", "STRING_ARRAY"]),
  authorizingClaimMatchValue: z.object({
    claimMatchOperator: z.enum(["EQUALS", "CONTAINS", "CONTAINS_ANY"]),
    claimMatchValue: z.object({ matchValueString: z.string().optional(), matchValueStringList: z.array(z.string()).optional() }),
  }),
});
/** The list as the API holds it (shared with the conformance corpus's case schema). */
export const customClaimsListSchema = z.array(validation);
const list = customClaimsListSchema;
const wrapped = z.union([
  list,
  z.object({ customClaims: list }).transform((o) => o.customClaims),
  z.object({ customJWTAuthorizer: z.object({ customClaims: list }) }).transform((o) => o.customJWTAuthorizer.customClaims),
  z.object({ authorizerConfiguration: z.object({ customJWTAuthorizer: z.object({ customClaims: list }) }) }).transform((o) => o.authorizerConfiguration.customJWTAuthorizer.customClaims),
]);

export type CustomClaimsInput = { ok: true; customClaims: CustomClaimValidation[] } | { ok: false; error: string };

/** Empty text: no rules. Anything else must be JSON in the API's shape. */
export function parseCustomClaims(text: string): CustomClaimsInput {
  if (text.trim() === "") return { ok: true, customClaims: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "customClaims is not JSON: paste the list from get-agent-runtime / get-gateway (authorizerConfiguration.customJWTAuthorizer.customClaims)." };
  }
  const parsed = wrapped.safeParse(json);
  if (parsed.success) return { ok: true, customClaims: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `customClaims is not in the API's shape${issue ? ` (${issue.path.join(".") || "top level"}: ${issue.message})` : ""}: a list of {inboundTokenClaimName, inboundTokenClaimValueType, authorizingClaimMatchValue: {claimMatchOperator, claimMatchValue}}.` };
}
