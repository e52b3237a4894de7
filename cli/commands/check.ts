import { checkAgentCore } from "../../lib/tokens/authorizers/agentcore";
import { checkApiGateway } from "../../lib/tokens/authorizers/api-gateway";
import { checkAppSyncUserPool } from "../../lib/tokens/authorizers/appsync";
import { checkAppSyncOidc } from "../../lib/tokens/authorizers/appsync-oidc";
import { checkAppSyncEvents } from "../../lib/tokens/authorizers/appsync-events";
import type { AuthorizerInput } from "../../lib/tokens/authorizers/common";
import type { AuthorizerResult } from "../../lib/tokens/authorizers/result";
import type { Check } from "../../lib/tokens/checks";
import { createJwksCache } from "../../lib/tokens/jwks-cache";
import { verifyToken, type VerifyExpectations } from "../../lib/tokens/verify";
import { renderChecks, renderVerdict, sourceLines } from "../format";
import { parseAt, parsePick, readInput, selectToken } from "../input";
import { EXIT, UsageError } from "../io";
import type { Command } from "./command";
import { authorizerFrom, authorizerIssuer, list, parseCheckArgs, type AuthorizerChoice, type CheckValues } from "./check-options";

const usage = `Usage: auth-flow-debugger check [TOKEN|-] (--authorizer NAME [options] | --verify …) [--json]

Will this token pass? Runs every rule of an AWS authorizer against the token and lists them all,
with the answer the service would give. TOKEN may be a bare JWT, a header line, a curl command,
a pasted request or JSON (- or none: stdin). Nothing is fetched unless --verify is given.

  --authorizer agentcore         AgentCore Runtime/Gateway CUSTOM_JWT
      --discovery-url URL          …/.well-known/openid-configuration
      --allowed-clients a,b        checked against client_id
      --allowed-audience a,b       checked against aud
      --allowed-scopes s,t         any one is enough
      --custom-claims JSON         customClaims, in the API's shape (the list, or the customJWTAuthorizer around it)
      --config JSON                customJWTAuthorizer as get-agent-runtime prints it
      --target runtime|gateway     default runtime
  --authorizer appsync-userpool  AppSync AMAZON_COGNITO_USER_POOLS
      --user-pool-id ID  --app-id-client-regex RE  --default-action ALLOW|DENY
      --field-groups a,b (the field's @aws_auth cognito_groups; "" for none)  --field Type.field
  --authorizer appsync-oidc      AppSync OPENID_CONNECT
      --issuer URL  --client-id-regex RE  --iat-ttl MS  --auth-ttl MS
  --authorizer appsync-events    AppSync Event API, AMAZON_COGNITO_USER_POOLS on one operation
      --user-pool-id ID [--app-id-client-regex RE] [--operation connect|publish|subscribe]
      [--namespace NAME] [--auth-modes API_KEY,AWS_IAM,…]  the modes the operation allows
  --authorizer api-gateway       API Gateway REST COGNITO_USER_POOLS
      --user-pool-id ID[,ID]  --scopes s,t (the method's OAuth scopes)
  --user-pool-endpoint URL       stands in for https://cognito-idp.{region}.amazonaws.com (sandbox); the
                                 UPDATED issuer is then URL/issuer-cognito-idp/{pool}. AppSync, set by
                                 user pool id, accepts both issuer forms of the pool (ORIGINAL, UPDATED);
                                 API Gateway's Cognito authorizer only ORIGINAL (AWS documents it)

  --verify                       also verify the signature: fetches {issuer}/.well-known/jwks.json
      --client-id ID[,ID]|null     required: the app client, or null to skip that check
      --token-use id|access|null   required
      --issuer URL[,URL]           default: the authorizer's issuer(s), else the token's own iss
      --clock-tolerance SECONDS    default 0

  --json       {"header","claims","tokenUse","checks":[{"name","status","actual","expected","message"}],"verdict","response","source"}
  --pick N     use the N-th token found in the input
  --at TIME    evaluate as of TIME (ISO 8601 or seconds since the epoch)

Exit codes: 0 every check passes, 1 a check fails, 2 bad input.
`;

const NAMES: Record<AuthorizerChoice["kind"], string> = {
  agentcore: "AgentCore",
  "appsync-userpool": "AppSync (Cognito user pools)",
  "appsync-oidc": "AppSync (OpenID Connect)",
  "appsync-events": "AppSync Events (Cognito user pools)",
  "api-gateway": "API Gateway",
};

export const checkCommand: Command = {
  name: "check",
  summary: "will this token pass AgentCore / AppSync / API Gateway? (every rule, listed)",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCheckArgs(argv);
    const choice = authorizerFrom(values);
    const expectations = values.verify ? verifyExpectations(values, choice) : null;
    if (!choice && !expectations) {
      throw new UsageError("Say what to check: --authorizer NAME with its settings, and/or --verify with --client-id and --token-use.");
    }
    const now = parseAt(values.at, io);
    const selected = selectToken(await readInput(positionals, io), parsePick(values.pick));
    const input: AuthorizerInput = { token: selected.token, now, ...(selected.candidate.scheme ? { scheme: selected.candidate.scheme } : {}) };

    const authorizer = choice ? evaluate(choice, input) : null;
    const verified = expectations
      ? await verifyToken(selected.token, expectations, {
          getJwks: createJwksCache().getJwks,
          now,
          clockToleranceSeconds: seconds(values["clock-tolerance"]),
        })
      : null;
    const checks = merge(verified?.checks ?? [], authorizer?.checks ?? []);
    const pass = checks.every((c) => c.status !== "fail");
    const service = choice ? NAMES[choice.kind] : null;

    if (values.json) {
      const { token, candidate } = selected;
      const out = {
        header: token.header,
        claims: token.claims,
        tokenUse: token.tokenUse,
        checks,
        verdict: pass ? "pass" : "fail",
        response: authorizer?.response ?? null,
        source: candidate.source,
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      const title = [service, verified ? "signature verification" : null].filter(Boolean).join(" + ");
      io.stdout([...sourceLines(selected), "", renderChecks(`Checks (${title}):`, checks), "", renderVerdict(checks, service, authorizer?.response ?? null), ""].join("\n"));
    }
    return pass ? EXIT.pass : EXIT.fail;
  },
};

function evaluate(choice: AuthorizerChoice, input: AuthorizerInput): AuthorizerResult {
  switch (choice.kind) {
    case "agentcore":
      return checkAgentCore(input, choice.config, choice.target);
    case "appsync-userpool":
      return checkAppSyncUserPool(input, choice.config);
    case "appsync-oidc":
      return checkAppSyncOidc(input, choice.config);
    case "appsync-events":
      return checkAppSyncEvents(input, choice.config);
    case "api-gateway":
      return checkApiGateway(input, choice.config);
  }
}

/** Like aws-jwt-verify, --verify must be told what to check; "null" is the explicit opt-out. */
function verifyExpectations(values: CheckValues, choice: AuthorizerChoice | null): VerifyExpectations {
  const clientId = values["client-id"];
  const tokenUse = values["token-use"];
  if (clientId === undefined) throw new UsageError("--verify needs --client-id: the app client id(s), or null to skip that check.");
  if (tokenUse === undefined) throw new UsageError("--verify needs --token-use: id, access, or null to accept either.");
  if (tokenUse !== "id" && tokenUse !== "access" && tokenUse !== "null") throw new UsageError(`--token-use is id, access or null, not "${tokenUse}".`);
  return {
    issuer: list(values.issuer) ?? authorizerIssuer(choice),
    clientId: clientId === "null" ? null : (list(clientId) ?? []),
    tokenUse: tokenUse === "null" ? null : tokenUse,
  };
}

function seconds(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--clock-tolerance wants seconds, not "${value}".`);
  return n;
}

/** Signature rows first, then the authorizer's; where both judge the same thing, the authorizer's row speaks. */
function merge(verification: readonly Check[], authorizer: readonly Check[]): Check[] {
  const names = new Set(authorizer.map((c) => c.name));
  return [...verification.filter((c) => !names.has(c.name)), ...authorizer];
}
