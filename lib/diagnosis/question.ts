import { buildContext } from "./context";
import { diagnose } from "./engine";
import { RULES } from "./rules";
import type { AuthorizerTest, DiagnoseInput, Match, Rule, Signal } from "./types";

export { diagnose };

/**
 * Some refusals say only that the call was refused: a bare "Unauthorized", a 401, AppSync's
 * "You are not authorized to make this call.", or Amplify's recoverySuggestion (which replaces
 * whatever AppSync said). The text alone cannot tell which cause it is — but the credential the
 * call sent can. So instead of silence, clarify() returns the ranked candidates and asks which
 * credential was sent; each answer is the same diagnosis run with that credential (and service)
 * as context, so the answer narrows it to one rule, or honestly to none.
 */

export interface GenericSignal {
  readonly id: string;
  /** Tested against the lower-cased text (after unwrapping). */
  readonly pattern: RegExp;
  readonly detail: string;
  /** The service the wording belongs to; undefined when any service says it. */
  readonly service?: Service;
  readonly source: string;
}

export type Service = "appsync" | "agentcore" | "api-gateway";

export const GENERIC_SIGNALS: readonly GenericSignal[] = [
  {
    id: "amplify-recovery-suggestion",
    pattern: /make sure to set the "?authmode"? in generateclient/,
    detail: "Amplify's recoverySuggestion about authMode — Amplify puts it on every AppSync UnauthorizedException, replacing AppSync's own message, whatever the auth mode",
    service: "appsync",
    source: "aws-amplify/amplify-js packages/api-graphql repackageUnauthorizedError (sets message 'Unauthorized' and this recoverySuggestion when originalError.name starts with UnauthorizedException)",
  },
  {
    id: "appsync-not-authorized-call",
    pattern: /you are not authorized to make this call/,
    detail: "AppSync's \"You are not authorized to make this call.\" — its refusal of the credential sent",
    service: "appsync",
    source: "aws-amplify/amplify-studio#1003; aws/aws-appsync-community#198 (API key and JWT refusals)",
  },
  {
    id: "unauthorized-exception",
    pattern: /\bunauthorizedexception\b/,
    detail: "UnauthorizedException with no telling message",
    source: "AppSync answers every refused credential with errorType UnauthorizedException (aws-amplify/amplify-cli#6595, aws/aws-appsync-community#198)",
  },
  {
    id: "unauthorized",
    pattern: /\bunauthori[sz]ed\b/,
    detail: "\"Unauthorized\" alone",
    source: "RFC 9110 §15.5.2 (401 Unauthorized)",
  },
  {
    id: "forbidden",
    pattern: /\b(?:forbidden|access ?denied)\b/,
    detail: "\"Forbidden\" / \"Access denied\" alone",
    source: "RFC 9110 §15.5.4 (403 Forbidden)",
  },
];

export interface CredentialOption {
  /** What the user picks, in the words the consoles use. */
  readonly label: string;
  readonly service: Service;
  /** The credential variant passed to diagnose() when this option is picked. */
  readonly variant: string;
}

/** AppSync's authorization modes and AgentCore's inbound authorizers, as a caller would name them. */
export const CREDENTIAL_OPTIONS: readonly CredentialOption[] = [
  { label: "API key (x-api-key)", service: "appsync", variant: "api-key" },
  { label: "Cognito user pool token (authMode userPool)", service: "appsync", variant: "user-pool" },
  { label: "IAM credentials, SigV4 (authMode iam; identity pool)", service: "appsync", variant: "iam" },
  { label: "OpenID Connect token (authMode oidc)", service: "appsync", variant: "oidc" },
  { label: "Lambda authorizer token (authMode lambda)", service: "appsync", variant: "lambda" },
  { label: "Bearer JWT (inbound CUSTOM_JWT authorizer)", service: "agentcore", variant: "bearer" },
  { label: "IAM credentials, SigV4", service: "agentcore", variant: "iam" },
  { label: "Cognito ID token (COGNITO_USER_POOLS authorizer)", service: "api-gateway", variant: "id-token" },
  { label: "Cognito access token (COGNITO_USER_POOLS authorizer, OAuth scopes)", service: "api-gateway", variant: "access-token" },
  { label: "Lambda authorizer token", service: "api-gateway", variant: "lambda" },
  { label: "IAM credentials, SigV4 (AWS_IAM)", service: "api-gateway", variant: "iam" },
];

export interface Answer {
  readonly option: CredentialOption;
  /** The diagnosis with this credential as context; undefined when no known cause fits even then. */
  readonly match: Match | undefined;
  /** Without a match: the known causes for this service and credential, to check one by one. */
  readonly related: readonly Pick<Rule, "id" | "title">[];
}

export interface Question {
  /** Which generic wordings were found, as evidence lines. */
  readonly evidence: readonly string[];
  /** The services the options cover: the one named or implied, else both. */
  readonly services: readonly Service[];
  /** One entry per credential option, in CREDENTIAL_OPTIONS order. */
  readonly answers: readonly Answer[];
  /** The distinct candidate causes, best first. */
  readonly candidates: readonly Match[];
}

const APPSYNC_TEXT = /appsync|graphql|generateclient|amplify-generated api/;
/** API Gateway's own answer headers and URLs, or its name. */
const APIGATEWAY_TEXT = /x-amz-apigw-id|\.execute-api\.|api ?gateway|\bapi gw\b/;
const AGENTCORE_TEXT = /agentcore|agent runtime|agent-runtime|\/invocations|\bmcp\b/;

/**
 * The question to ask when a failure fits no rule but says it was refused; null when a rule already
 * fits, when the caller already gave the credential (the context decided and nothing fits), or when
 * the text holds no refusal at all.
 */
export function clarify(input: string | DiagnoseInput, rules: readonly Rule[] = RULES): Question | null {
  const given: DiagnoseInput = typeof input === "string" ? { text: input } : input;
  if (given.variant || diagnose(given, rules).length > 0) return null;
  const ctx = buildContext(given);
  const found = GENERIC_SIGNALS.filter((s) => s.pattern.test(ctx.lower));
  const refusedByStatus = ctx.statuses.has(401) || ctx.statuses.has(403);
  if (found.length === 0 && !refusedByStatus) return null;

  const services = servicesFor(given.service, ctx.lower, found);
  const answers = CREDENTIAL_OPTIONS.filter((o) => services.includes(o.service)).map((option) => {
    const match = diagnose({ ...given, service: option.service, variant: option.variant }, rules)[0];
    return { option, match, related: match ? [] : rulesFor(option, rules) };
  });
  const best = new Map<string, Match>();
  for (const { match } of answers) if (match && (best.get(match.id)?.score ?? -1) < match.score) best.set(match.id, match);
  const evidence = [...found.map((s) => s.detail), ...(refusedByStatus ? [`HTTP ${ctx.statuses.has(401) ? 401 : 403}`] : [])];
  return { evidence, services, answers, candidates: [...best.values()].sort((a, b) => b.score - a.score) };
}

function servicesFor(service: string | undefined, lower: string, found: readonly GenericSignal[]): Service[] {
  const named = service?.toLowerCase() ?? "";
  if (named.startsWith("appsync")) return ["appsync"];
  if (named.includes("agentcore") || named.startsWith("gateway") || named === "runtime") return ["agentcore"];
  if (named === "api-gateway" || named === "apigateway" || named === "apigw") return ["api-gateway"];
  const implied = new Set<Service>(found.flatMap((s) => (s.service ? [s.service] : [])));
  if (APPSYNC_TEXT.test(lower)) implied.add("appsync");
  if (AGENTCORE_TEXT.test(lower)) implied.add("agentcore");
  if (APIGATEWAY_TEXT.test(lower)) implied.add("api-gateway");
  return implied.size > 0 ? [...implied] : ["appsync", "agentcore"];
}

const JWT_CHECKS: readonly AuthorizerTest[] = ["custom-jwt", "user-pools", "oidc", "allowed-clients-with-id-token", "allowed-audience-with-access-token", "discovery-url-without-well-known", "aws-iam-called-with-jwt"];
const IAM_CHECKS: readonly AuthorizerTest[] = ["aws-iam", "custom-jwt-called-with-sigv4"];

/**
 * Rules that apply to the option's service and take its credential as evidence: a variant signal
 * naming it, or (for tokens) a token-kind or JWT-authorizer check, (for IAM) an IAM-authorizer check.
 */
function rulesFor(option: CredentialOption, rules: readonly Rule[]): Pick<Rule, "id" | "title">[] {
  const { variants, services } = buildContext({ service: option.service, variant: option.variant });
  const jwt = variants.has("jwt");
  const iam = variants.has("iam");
  const credentialIsEvidence = (s: Signal) =>
    s.weight > 0 &&
    ((s.kind === "variant" && s.values.some((v) => variants.has(v) || (jwt && (v === "id-token" || v === "access-token")))) ||
      (jwt && s.kind === "tokenUse") ||
      (s.kind === "authorizer" && ((jwt && JWT_CHECKS.includes(s.test)) || (iam && IAM_CHECKS.includes(s.test)))));
  return rules
    .filter((r) => r.services.some((s) => services.includes(s)))
    .filter((r) => r.signals.some(credentialIsEvidence))
    .map(({ id, title }) => ({ id, title }));
}
