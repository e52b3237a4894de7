import type { AwsPrediction } from "./result";

/**
 * What AgentCore answers when its CUSTOM_JWT authorizer refuses a token, and where each answer was
 * seen. Runtimes and gateways answer differently: a runtime names the check that failed, a
 * gateway says only "Invalid Bearer token". Wording nobody has captured is marked not confirmed.
 */

export type AgentCoreTarget = "runtime" | "gateway";

/** A runtime's 403 for a bearer value that is not a JWT (sandbox and prediction share the text). */
export const RUNTIME_UNPARSABLE: AwsPrediction = {
  status: 403,
  message: "OAuth authorization failed: Failed to parse token",
  confirmed: true,
  source:
    "Observed from AgentCore Runtime: an empty \"Bearer \" header answered 403 \"OAuth authorization failed: Failed to parse token\" " +
    "(TerrifiedBug/mcp-remote:FORK.md); the same body for other non-JWT bearers in public write-ups",
};

/** Claim mismatches (allowedClients, allowedAudience) at a runtime name the claim. */
export function runtimeClaimMismatch(claim: string, confirmed: boolean): AwsPrediction {
  return {
    status: 401,
    message: `Claim '${claim}' value mismatch with configuration.`,
    confirmed,
    source: confirmed
      ? "Observed from AgentCore Runtime: 401 \"Claim 'aud' value mismatch with configuration\" (awslabs/fullstack-solution-template-for-agentcore, " +
        "frontend/src/components/chat/ChatInterface.tsx), \"Claim 'client_id' value mismatch with configuration.\" (seed 000; minorun365/marp-agent docs/knowledge/features.md)"
      : "By analogy with the observed client_id/aud wording; not confirmed for this claim",
  };
}

/** The gateway's refusal: 401 with JSON-RPC error -32001 "Invalid Bearer token", whatever the claim. */
export function gatewayRefusal(confirmed: boolean): AwsPrediction {
  return {
    status: confirmed ? 401 : null,
    message: "Invalid Bearer token",
    confirmed,
    source: confirmed
      ? "AWS's own sample: a gateway answers HTTP 401 \"Invalid Bearer token\" when the token's claims do not match its configuration " +
        "(awslabs/amazon-bedrock-agentcore-samples:02-use-cases/04-SRE-agent/docs/auth.md); JSON-RPC error -32001 in " +
        "BharatDeepanTR/enhanced-it-helpdesk-mcp-server:AUTHENTICATION-TROUBLESHOOTING.md"
      : "The gateway's observed refusal for claim mismatches; not confirmed for this check",
  };
}

export const RUNTIME_EXPIRED: AwsPrediction = {
  status: 401,
  message: "Token has expired",
  confirmed: true,
  source: "Observed from AgentCore Runtime: an expired cached access token earned \"a 401 Token has expired\" (TerrifiedBug/mcp-remote:FORK.md)",
};

/** Seconds of remaining lifetime below which a runtime refuses a token. */
export const MIN_REMAINING_SECONDS = 60;

export const RUNTIME_INEFFECTUAL: AwsPrediction = {
  status: 403,
  message: "OAuth authorization failed: Ineffectual token, will expire within the next minute",
  confirmed: true,
  source:
    "Observed from AgentCore Runtime: HTTP 403 {\"message\":\"OAuth authorization failed: Ineffectual token, will expire within the next minute\"} " +
    "(nestymook/mbti-travel-assistant-v2:mbti-travel-planner-agent/JWT_CIRCUIT_BREAKER_FIX_SUMMARY.md)",
};

export function unconfirmed(target: AgentCoreTarget, what: string): AwsPrediction {
  return {
    status: target === "runtime" ? 401 : null,
    message: `Token rejected: ${what}. (AgentCore's exact wording for this case is not confirmed.)`,
    confirmed: false,
    source: "No observed AgentCore response for this case",
  };
}
