import type { SignatureState } from "../signature-state";
import { rule, type Rule, type AwsPrediction } from "./result";

/**
 * The signature as an authorizer rule, when the caller checked it (AuthorizerInput.signature).
 * Every one of these authorizers checks the signature against the issuer's keys before it reads a
 * claim (AgentCore: "the authorizer will use the configured discovery URL to fetch the public keys
 * … to perform the JWT validation", https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/inbound-jwt-authorizer.html;
 * Cognito's guide to verifying its tokens names the signature check as a step every relying party
 * takes, https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html).
 * What each service ANSWERS for a bad signature is its caller's to say, and so far no public
 * capture shows it for any of them: each passes a response marked not confirmed.
 */
export function signatureRule(signature: SignatureState | undefined, response: AwsPrediction): Rule[] {
  if (!signature) return [];
  const expected = "valid under the issuer's JWKS";
  switch (signature.state) {
    case "verified":
      return [rule("signature", "pass", "verified", expected, signature.detail)];
    case "failed":
      return [rule("signature", "fail", "failed", expected,
        `${signature.detail} The service checks the signature before any claim, so it refuses this token whatever the claims say.`, response)];
    case "not verified":
      return [rule("signature", "n/a", "not verified", expected,
        `Not verified (${signature.detail.replace(/\.$/, "")}). The other rows assume the signature is valid.`)];
  }
}
