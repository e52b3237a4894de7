import { concept, msg, status, variant, W } from "../signals";
import type { Rule } from "../types";

/**
 * A claim the pre token generation trigger adds to the ID token only, checked on the access token
 * (AgentCore customClaims, an API's own claim check). Cognito's V1_0 trigger event customises the
 * ID token alone; V2_0 adds access tokens of user sign-in, V3_0 also client credentials tokens
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html).
 */

const V2_HANDLER = `// Pre token generation trigger, event version V2_0 (V3_0 for client credentials tokens too):
export const handler = async (event) => {
  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: { tenant_id: "acme" } },
      accessTokenGeneration: { claimsToAddOrOverride: { tenant_id: "acme" } },
    },
  };
  return event;
};`;

const SET_VERSION = `# update-user-pool replaces every setting you leave out: pass the pool's current settings too
aws cognito-idp update-user-pool --user-pool-id <pool> \\
  --lambda-config 'PreTokenGenerationConfig={LambdaArn=<function arn>,LambdaVersion=V2_0}'`;

export const cognitoClaimRules: readonly Rule[] = [
  {
    id: "cognito-claim-only-in-id-token",
    title: "The claim is only in the ID token: the pre token generation trigger never wrote it into the access token that is checked",
    services: ["cognito", "agentcore", "agentcore-gateway", "api-gateway", "appsync", "lambda"],
    signals: [
      concept("generation", String.raw`\bpre[- _]?token[- _]?generation\b`, "the pre token generation trigger"),
      concept("claim", String.raw`\b(?:custom )?claims?\b`, "a claim"),
      concept("access", String.raw`\baccess[_ ]?tokens?\b`, "the access token"),
      concept("claims", String.raw`\bcustom_?claims\b`, "AgentCore's customClaims"),
      concept("claims", String.raw`\bclaims(?:To(?:AddOrOverride|Suppress)|(?:AndScope)?OverrideDetails)\b`, "the trigger's response fields"),
      // AgentCore Runtime's refusal for a customClaims rule, by analogy with its client_id / aud
      // wording (not confirmed): any claim but the ones allowedClients / allowedAudience / allowedScopes check.
      msg("value mismatch with configuration", String.raw`claim '(?!client_id'|aud'|scope')[^'\n]{1,255}' value mismatch with configuration`, W.strong, "a runtime's customClaims check (wording not confirmed)"),
      msg("token", String.raw`\bid[_ ]?tokens?\b[^.\n]{0,40}\bnot\b[^.\n]{0,20}\baccess[_ ]?tokens?\b`, W.strong, "the claim is in the ID token, not the access token"),
      msg("token", String.raw`\b(?:claims?|overrides?)\b[^.\n]{0,60}\bonly\b[^.\n]{0,30}\bid[_ ]?tokens?\b[^.\n]{0,60}\bnot\b[^.\n]{0,30}\baccess[_ ]?tokens?\b`, W.strong, "customisations reach only the ID token"),
      msg("access", String.raw`\badd(?:ing)?\b[^.\n]{0,25}\bclaims?\b[^.\n]{0,12}\bto\b[^.\n]{0,6}\baccess[_ ]?tokens?\b`, W.specific, "a claim wanted in the access token"),
      msg("v1_0", String.raw`\bV1_0\b`, W.hint, "a V1_0 trigger (ID token only)"),
      msg("accesstokengeneration", String.raw`\baccessTokenGeneration\b`, W.hint, "the V2_0 access token customisation"),
      variant(["access-token", "m2m-token"], W.weak, "an access token was sent"),
      status([401, 403], W.generic, "refused"),
    ],
    cause:
      "The authorizer reads a claim from the access token (AgentCore's customClaims, like its allowedClients and allowedScopes, checks the access token " +
      "you send), but the pool's pre token generation trigger writes that claim into the ID token only. A V1_0 trigger event customises only the ID token " +
      "(claimsOverrideDetails); access token claims and scopes need a V2_0 event (user sign-in) or V3_0 (also client credentials tokens), answering " +
      "claimsAndScopeOverrideDetails.accessTokenGeneration — a V2_0 function that sets only idTokenGeneration fails the same way. Sending the ID token " +
      "instead does not help: it has no client_id, so allowedClients refuses it. V2_0 and V3_0 need the Essentials or Plus feature plan, and a deployment " +
      "tool that does not set LambdaVersion can put the trigger back to V1_0.",
    fix: [
      { text: "Decode both tokens (/tokens): if the claim is in the ID token only, the trigger is V1_0 or answers idTokenGeneration only." },
      { text: "Answer accessTokenGeneration as well, from a function registered as event version V2_0 (V3_0 to reach client credentials tokens).", snippet: { lang: "js", code: V2_HANDLER } },
      { text: "Register the function with LambdaVersion V2_0 (the pool needs the Essentials or Plus plan); in CDK / Amplify set the version explicitly so a deploy does not reset it to V1_0.", snippet: { lang: "sh", code: SET_VERSION } },
      { text: "Check the token before the call: `npx auth-flow-debugger check $ACCESS_TOKEN --authorizer agentcore --discovery-url … --custom-claims '[…]'` names the missing claim." },
    ],
    source: [
      { kind: "doc", url: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html", note: "V1_0 customises the ID token; V2_0 and V3_0 also access tokens (V3_0 for client credentials), claimsAndScopeOverrideDetails" },
      { kind: "doc", url: "https://docs.aws.amazon.com/bedrock-agentcore-control/latest/APIReference/API_CustomJWTAuthorizerConfiguration.html", note: "customClaims: inboundTokenClaimName, inboundTokenClaimValueType, authorizingClaimMatchValue (EQUALS, CONTAINS, CONTAINS_ANY)" },
      { kind: "issue", url: "https://github.com/localstack/localstack/issues/2896", note: "production Cognito puts the injected claim in the id_token, not the access_token" },
      { kind: "issue", url: "https://github.com/jagregory/cognito-local/issues/402", note: "token overrides only reach ID tokens without V2" },
      { kind: "issue", url: "https://github.com/aws-amplify/amplify-cli/issues/13638", note: "a claim wanted in the access token; deploys reverting the trigger to V1_0" },
    ],
  },
];
