import { parseArgs } from "node:util";
import { parseScopes, requestClientCredentials } from "../../lib/oauth/client-credentials";
import { checkAgentCore } from "../../lib/tokens/authorizers/agentcore";
import { decodeToken } from "../../lib/tokens/decode";
import { scopesOf } from "../../lib/tokens/checks";
import { EXIT, UsageError } from "../io";
import type { Command } from "./command";

const usage = `Usage: auth-flow-debugger m2m-token --token-endpoint URL --client-id ID [--scope S]… [options]

Gets a machine-to-machine access token with the OAuth client credentials grant from a user
pool domain's token endpoint, and shows which scopes it carries. With --allowed-scopes it also
says whether an AgentCore runtime or gateway with those allowedScopes would take it. The client
secret is read from $CLIENT_SECRET (or stdin with --secret-stdin), never from the command line.

  --token-endpoint URL   https://{domain}.auth.{region}.amazoncognito.com/oauth2/token
                         (the sandbox: http://127.0.0.1:4577/cognito-domain/{domain}/oauth2/token)
  --client-id ID         the app client (it needs a secret and client_credentials allowed)
  --scope S              a custom scope {resource server identifier}/{scope}; repeat or space-separate.
                         None: Cognito grants all the client's custom scopes
  --auth basic|post      client_secret_basic (Authorization: Basic, the default) or client_secret_post
  --allowed-scopes s,t   an authorizer's allowedScopes: exit 1 unless the token holds one of them
  --print-token          print only the access token (for TOKEN=$(…)); nothing else on stdout
  --json                 {"status","scopes","expiresIn","claims","allowedScopes","verdict"} (never the token)

Exit codes: 0 token issued (and allowed), 1 refused by the endpoint or by --allowed-scopes, 2 bad input.
`;

export const m2mTokenCommand: Command = {
  name: "m2m-token",
  summary: "get a client credentials (M2M) token and show its scopes",
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        "token-endpoint": { type: "string" },
        "client-id": { type: "string" },
        scope: { type: "string", multiple: true },
        auth: { type: "string" },
        "allowed-scopes": { type: "string" },
        "secret-stdin": { type: "boolean" },
        "print-token": { type: "boolean" },
        json: { type: "boolean" },
      },
    });
    const endpoint = values["token-endpoint"];
    const clientId = values["client-id"];
    if (!endpoint || !/^https?:\/\//.test(endpoint)) throw new UsageError("--token-endpoint URL is required (…/oauth2/token)");
    if (!clientId) throw new UsageError("--client-id is required");
    const auth = values.auth ?? "basic";
    if (auth !== "basic" && auth !== "post") throw new UsageError("--auth must be basic or post");
    const secret = values["secret-stdin"] ? (await io.readStdin()).trim() : io.env?.["CLIENT_SECRET"];
    if (!secret) throw new UsageError("no client secret: set CLIENT_SECRET or pipe it with --secret-stdin");
    const scopes = parseScopes((values.scope ?? []).join(" "));

    const result = await requestClientCredentials({ tokenEndpoint: endpoint, clientId, clientSecret: secret, scopes, auth });
    if (!result.ok) {
      const out = { status: result.status ?? null, error: result.error, ...(result.unconfirmed ? { unconfirmed: result.unconfirmed } : {}) };
      if (values.json) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      else io.stderr(`Token endpoint refused: ${result.status ? `HTTP ${result.status} ` : ""}${result.error}${result.unconfirmed ? ` (not confirmed from AWS: ${result.unconfirmed})` : ""}\n${hint(result.error)}`);
      return EXIT.fail;
    }
    const token = decodeToken(result.accessToken);
    const granted = scopesOf(token.claims);
    const allowed = values["allowed-scopes"] ? parseScopes(values["allowed-scopes"]) : [];
    const predicted = allowed.length ? checkAgentCore({ token, now: io.now() || Date.now(), scheme: "bearer" }, { discoveryUrl: "", allowedScopes: allowed }) : undefined;
    const scopeRule = predicted?.checks.find((c) => c.name === "scope");
    const refusal = predicted?.failures.find((f) => f.check.name === "scope")?.response;
    const verdict = scopeRule ? (scopeRule.status === "pass" ? "pass" : "fail") : null;
    if (values["print-token"]) io.stdout(`${result.accessToken}\n`);
    else if (values.json) {
      io.stdout(`${JSON.stringify({ status: result.status, scopes: granted, expiresIn: result.expiresIn, claims: token.claims, allowedScopes: allowed, verdict }, null, 2)}\n`);
    } else {
      io.stdout(`Token issued to ${clientId}: HTTP ${result.status}, expires in ${result.expiresIn} s\n  scope  ${granted.join(" ") || "(none)"}\n  sub    ${String(token.claims.sub)}\n`);
      if (scopeRule) io.stdout(`allowedScopes ${allowed.join(", ")}: ${verdict === "pass" ? "✓" : "✗"} ${scopeRule.message}\n${verdict === "fail" && refusal ? `  AgentCore would answer: ${refusal.message}${refusal.confirmed ? "" : " (not confirmed)"}\n` : ""}`);
    }
    return verdict === "fail" ? EXIT.fail : EXIT.pass;
  },
};

/** One line on what Cognito's error code means for this grant (the diagnosis rule cognito-client-credentials-refused). */
function hint(error: string): string {
  const why: Record<string, string> = {
    invalid_client: "The client id and secret do not authenticate: wrong secret, a client without one, or a client of another pool.",
    invalid_grant: "The client is not enabled for OAuth: set AllowedOAuthFlowsUserPoolClient (saving it in the console does).",
    invalid_scope: "A requested scope is not among the client's AllowedOAuthScopes ({identifier}/{scope}).",
    unauthorized_client: "client_credentials is not in the client's AllowedOAuthFlows.",
    unsupported_grant_type: "grant_type must be client_credentials.",
  };
  return why[error] ? `${why[error]}\nMore: /diagnose#cognito-client-credentials-refused\n` : "";
}
