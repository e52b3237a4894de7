import { unwrap } from "./unwrap";
import { SERVICES, type AuthorizerInput, type AuthorizerTest, type CloudTrailVerdict, type DiagnoseInput } from "./types";

/**
 * Normalises whatever the caller has — free text, a test call, a parsed HTTP answer — into one
 * shape the engine can test rules against: a single haystack of text plus the context facts
 * (statuses, variant family, token kind, authorizer, CloudTrail verdict, service names). Wrapped
 * errors (escaped or embedded JSON) are added in plain form (unwrap.ts).
 */

/** Beyond this, only the head and the tail are read: errors sit at the end of logs, causes near the start. */
const MAX_TEXT = 4 * 1024 * 1024;
/** At most this many statuses are pulled out of free text; a log can hold thousands of access lines. */
const MAX_TEXT_STATUSES = 64;

export type AuthorizerType = "CUSTOM_JWT" | "AWS_IAM" | "USER_POOLS" | "OIDC" | "API_KEY" | "LAMBDA" | "API_GATEWAY_COGNITO";

export interface Context {
  /** Everything textual, joined; the original casing is kept for excerpts. */
  readonly text: string;
  /** `text` lower-cased; every text signal is tested against this. */
  readonly lower: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly statuses: ReadonlySet<number>;
  /** The variant as given plus its family ("iam" for every SigV4 form, "jwt" for every bearer form). */
  readonly variants: ReadonlySet<string>;
  readonly tokenUse: "id" | "access" | undefined;
  /** Known service names for the given service (aliases and test calls row ids resolved); [] if unknown. */
  readonly services: readonly string[];
  readonly authorizer:
    | { type?: AuthorizerType; allowedClients?: readonly string[]; allowedAudience?: readonly string[]; discoveryUrl?: string; authModes?: readonly AuthorizerType[] }
    | undefined;
  readonly cloudTrail: CloudTrailVerdict | undefined;
}

const VARIANT_FAMILY: Record<string, string> = {
  iam: "iam", sigv4: "iam", "sigv4-header": "iam", "sigv4-presigned": "iam", "sigv4-query": "iam", "identity-pool": "iam",
  "id-token": "jwt", "access-token": "jwt", "user-pool": "jwt", oidc: "jwt", "jwt-subprotocol": "jwt", "bearer-header": "jwt", bearer: "jwt", oauth: "jwt", jwt: "jwt",
  // An access token from the client credentials grant (the test calls' M2M column).
  "m2m-token": "jwt",
  // The token an AWS_LAMBDA authorizer expects: opaque to AppSync, read by no other mode.
  "lambda-token": "lambda", lambda: "lambda", "aws-lambda": "lambda",
};

const SERVICE_ALIASES: Record<string, readonly string[]> = {
  "bedrock-agentcore": ["agentcore"],
  runtime: ["agentcore"],
  gateway: ["agentcore-gateway", "agentcore"],
  "agentcore-gateway": ["agentcore-gateway", "agentcore"],
  "agentcore-identity": ["agentcore-identity", "agentcore"],
  "bedrock-runtime": ["bedrock"],
  apigateway: ["api-gateway"],
  apigw: ["api-gateway"],
  "cognito-idp": ["cognito"],
  "user-pool": ["cognito"],
  "cognito-identity": ["identity-pool", "sts"],
  "identity-pool": ["identity-pool", "sts"],
  // The test calls' row ids (lib/appsync/test-calls.ts, lib/agentcore/variants.ts).
  "appsync-http": ["appsync"],
  "appsync-realtime": ["appsync"],
  "events-http-publish": ["appsync"],
  "events-ws-subscribe": ["appsync"],
  "events-ws-publish": ["appsync"],
  "agentcore-http": ["agentcore"],
  "agentcore-ws": ["agentcore"],
  "gateway-mcp": ["agentcore-gateway", "agentcore"],
  cloudtrail: ["sts", "identity-pool"],
};

const AUTHORIZER_ALIASES: Record<string, AuthorizerType> = {
  custom_jwt: "CUSTOM_JWT", customjwt: "CUSTOM_JWT", jwt: "CUSTOM_JWT", agentcore: "CUSTOM_JWT", "agentcore-jwt": "CUSTOM_JWT", customjwtauthorizer: "CUSTOM_JWT",
  aws_iam: "AWS_IAM", iam: "AWS_IAM", sigv4: "AWS_IAM",
  amazon_cognito_user_pools: "USER_POOLS", "appsync-userpool": "USER_POOLS", "user-pools": "USER_POOLS", userpool: "USER_POOLS", user_pools: "USER_POOLS",
  openid_connect: "OIDC", oidc: "OIDC", "appsync-oidc": "OIDC",
  api_key: "API_KEY", "api-key": "API_KEY", apikey: "API_KEY",
  aws_lambda: "LAMBDA", lambda: "LAMBDA",
  cognito_user_pools: "API_GATEWAY_COGNITO", "api-gateway": "API_GATEWAY_COGNITO", "api-gateway-cognito": "API_GATEWAY_COGNITO",
};

/** "HTTP/1.1 401", "statusCode": 403, "Status Code: 400", "API Error: 403", "429 Too Many Requests". */
const TEXT_STATUS =
  /(?:status(?:[ _]?code)?["']?\s*[:=]?\s*["']?|\bhttp(?:\/\d(?:\.\d)?)?\s+|\berror:?\s+|\bhttp_status_)([1-5]\d\d)\b|\b([1-5]\d\d)\W{0,2}\s+(?:unauthorized|forbidden|not found|too many requests|bad request)\b|\b(40[13])(?:'?s)?\W{0,2}\s+(?:errors?|responses?|back|for)\b/g;

/**
 * Japanese (and other CJK) prose is often typed with full-width Latin letters, digits and
 * punctuation ("ＡｃｃｅｓｓＤｅｎｉｅｄ", "４０３", "：") and ideographic spaces; word processors turn
 * quotes into curly ones. Rules are written in ASCII, so the matched text reads those as their
 * ASCII forms. Every replacement is one UTF-16 unit for one, so offsets into `text` (the quoted
 * evidence) stay aligned.
 */
const WIDE = /[\uFF01-\uFF5E\u3000\u2018\u2019\u201C\u201D]/g;
function foldWidth(lower: string): string {
  WIDE.lastIndex = 0;
  if (!WIDE.test(lower)) return lower;
  return lower.replace(WIDE, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return " ";
    if (code === 0x2018 || code === 0x2019) return "'";
    if (code === 0x201c || code === 0x201d) return '"';
    return String.fromCharCode(code - 0xfee0);
  });
}

function truncate(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const half = MAX_TEXT / 2;
  return `${text.slice(0, half)}\n…\n${text.slice(-half)}`;
}

export function buildContext(input: DiagnoseInput): Context {
  const headers = new Map(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const headerLines = [...headers].map(([k, v]) => `${k}: ${v}`);
  const parts = [input.text, input.summary, input.errorType, input.message, input.body, ...headerLines];
  const given = truncate(parts.filter((p): p is string => typeof p === "string" && p.length > 0).join("\n"));
  const unwrapped = unwrap(given);
  const text = unwrapped ? `${given}\n${unwrapped}` : given;
  const lower = foldWidth(text.toLowerCase());

  const statuses = new Set<number>();
  if (typeof input.status === "number" && Number.isInteger(input.status)) statuses.add(input.status);
  let found = 0;
  for (const m of lower.matchAll(TEXT_STATUS)) {
    statuses.add(Number(m[1] ?? m[2] ?? m[3]));
    if (++found >= MAX_TEXT_STATUSES) break;
  }

  const variants = new Set<string>();
  const v = input.variant?.trim().toLowerCase();
  if (v) {
    variants.add(v);
    const family = VARIANT_FAMILY[v];
    if (family) variants.add(family);
  }
  const tokenUse = input.tokenUse ?? (v === "id-token" ? "id" : v === "access-token" || v === "m2m-token" ? "access" : undefined);

  return {
    text,
    lower,
    headers,
    statuses,
    variants,
    tokenUse,
    services: servicesOf(input.service),
    authorizer: normaliseAuthorizer(input.authorizer),
    cloudTrail: input.cloudTrailVerdict,
  };
}

const KNOWN_SERVICES: ReadonlySet<string> = new Set(SERVICES);

/** An unknown name yields []: better no service context than halving every rule for a typo. */
function servicesOf(service: string | undefined): string[] {
  const s = service?.trim().toLowerCase();
  if (!s) return [];
  return [...new Set([s, ...(SERVICE_ALIASES[s] ?? [])])].filter((x) => KNOWN_SERVICES.has(x));
}

function normaliseAuthorizer(a: AuthorizerInput | undefined): Context["authorizer"] {
  if (a === undefined) return undefined;
  if (typeof a === "string") {
    const type = AUTHORIZER_ALIASES[a.trim().toLowerCase()];
    return type ? { type } : undefined;
  }
  const explicit = a.type ? AUTHORIZER_ALIASES[a.type.trim().toLowerCase()] : undefined;
  // An object with JWT fields and no type is a customJWTAuthorizer as get-agent-runtime prints it.
  const looksJwt = a.allowedClients !== undefined || a.allowedAudience !== undefined || a.discoveryUrl !== undefined;
  const type = explicit ?? (looksJwt ? "CUSTOM_JWT" : undefined);
  const authModes = a.authModes?.map((m) => AUTHORIZER_ALIASES[m.trim().toLowerCase()]).filter((m): m is AuthorizerType => m !== undefined);
  return {
    ...(type ? { type } : {}),
    ...(a.allowedClients ? { allowedClients: a.allowedClients } : {}),
    ...(a.allowedAudience ? { allowedAudience: a.allowedAudience } : {}),
    ...(a.discoveryUrl ? { discoveryUrl: a.discoveryUrl } : {}),
    ...(authModes?.length ? { authModes } : {}),
  };
}

/**
 * The modes that read the credential a variant family carries: a SigV4 signature only AWS_IAM, an
 * API key only API_KEY, a bearer JWT the user-pool, OIDC and Lambda modes (AppSync devguide,
 * "Configuring authorization and authentication to secure your GraphQL APIs").
 */
const MODES_FOR_FAMILY: Readonly<Record<string, readonly AuthorizerType[]>> = {
  iam: ["AWS_IAM"],
  "api-key": ["API_KEY"],
  jwt: ["USER_POOLS", "OIDC", "LAMBDA"],
  lambda: ["LAMBDA"],
};

/** True when the API's modes are known and none of them reads the kind of credential the call carried. */
function credentialWithoutAuthMode(ctx: Context): boolean {
  const modes = ctx.authorizer?.authModes;
  if (!modes?.length) return false;
  const family = ["iam", "api-key", "jwt", "lambda"].find((f) => ctx.variants.has(f));
  return family !== undefined && !MODES_FOR_FAMILY[family]!.some((m) => modes.includes(m));
}

const WELL_KNOWN = /\/\.well-known\/openid-configuration$/;

/** The named authorizer checks rules refer to (types.ts AUTHORIZER_TESTS). */
export function authorizerHolds(test: AuthorizerTest, ctx: Context): boolean {
  const a = ctx.authorizer;
  if (!a) return false;
  const jwtCalledWithSigv4 = a.type === "CUSTOM_JWT" && ctx.variants.has("iam");
  switch (test) {
    case "custom-jwt": return a.type === "CUSTOM_JWT";
    case "aws-iam": return a.type === "AWS_IAM";
    case "user-pools": return a.type === "USER_POOLS";
    case "oidc": return a.type === "OIDC";
    case "api-key": return a.type === "API_KEY";
    case "aws-lambda": return a.type === "LAMBDA";
    case "api-gateway-cognito": return a.type === "API_GATEWAY_COGNITO";
    case "allowed-clients-with-id-token": return (a.allowedClients?.length ?? 0) > 0 && ctx.tokenUse === "id";
    case "allowed-audience-with-access-token": return (a.allowedAudience?.length ?? 0) > 0 && ctx.tokenUse === "access";
    case "discovery-url-without-well-known": return a.discoveryUrl !== undefined && !WELL_KNOWN.test(a.discoveryUrl.trim());
    case "custom-jwt-called-with-sigv4": return jwtCalledWithSigv4;
    case "aws-iam-called-with-jwt": return a.type === "AWS_IAM" && ctx.variants.has("jwt");
    case "credential-without-auth-mode": return credentialWithoutAuthMode(ctx);
  }
}
