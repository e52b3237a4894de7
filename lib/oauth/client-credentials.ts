import { z } from "zod";
import type { Environment } from "../config/environment";

/**
 * Machine-to-machine tokens: the OAuth 2.0 client credentials grant at a user pool domain's token
 * endpoint (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
 *
 * The client authenticates with client_secret_post by default: `client_id` and `client_secret`
 * in the form-encoded body, which the token endpoint supports beside client_secret_basic (same
 * page). A form-encoded POST without an Authorization header is a CORS "simple" request, so a
 * browser sends it without a preflight, and the endpoint answers with
 * `Access-Control-Allow-Origin: *` (same page), so the page can read the token without the
 * dashboard's server ever seeing the secret. `basic` sends `Authorization: Basic …` instead
 * (what curl -u does); a browser then needs a preflight, which is not documented.
 */

export interface ClientCredentialsRequest {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  /** Custom scopes `{resourceServerIdentifier}/{scope}`; empty asks for all the client's custom scopes. */
  scopes: readonly string[];
  auth?: "post" | "basic";
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}

const successSchema = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number() });
const errorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export type ClientCredentialsResult =
  | { ok: true; accessToken: string; expiresIn: number; tokenType: string; status: number }
  /** `error` is the OAuth error code Cognito sent (`invalid_client`, `invalid_scope`…), else a description of what came back. */
  | { ok: false; status?: number; error: string; unreachable?: boolean; unconfirmed?: string };

/** The token endpoint of an environment: its `endpoints.cognitoDomain`, else `https://{oauth.domain}`. */
export function tokenEndpointOf(environment: Pick<Environment, "endpoints" | "oauth">): string | undefined {
  const base = environment.endpoints.cognitoDomain ?? (environment.oauth?.domain ? `https://${environment.oauth.domain}` : undefined);
  return base ? `${base.replace(/\/+$/, "")}/oauth2/token` : undefined;
}

/** `a b, c` → `["a", "b", "c"]`: scopes typed by a person, separated by spaces or commas. */
export const parseScopes = (text: string): string[] => [...new Set(text.split(/[\s,]+/).filter(Boolean))];

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and Base64-encoded. */
function basicHeader(id: string, secret: string): string {
  const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  const raw = `${formEncode(id)}:${formEncode(secret)}`;
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(raw)))}`;
}

/** The form body (without the secret when it travels in the header). */
export function clientCredentialsBody(request: Pick<ClientCredentialsRequest, "clientId" | "clientSecret" | "scopes" | "auth">): string {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (request.auth !== "basic") {
    form.set("client_id", request.clientId);
    form.set("client_secret", request.clientSecret);
  }
  if (request.scopes.length > 0) form.set("scope", request.scopes.join(" "));
  return form.toString();
}

export async function requestClientCredentials(request: ClientCredentialsRequest): Promise<ClientCredentialsResult> {
  const doFetch = request.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (request.auth === "basic") headers["authorization"] = basicHeader(request.clientId, request.clientSecret);
  let response: Response;
  try {
    response = await doFetch(request.tokenEndpoint, { method: "POST", headers, body: clientCredentialsBody(request), ...(request.signal ? { signal: request.signal } : {}) });
  } catch (error) {
    return { ok: false, unreachable: true, error: `${new URL(request.tokenEndpoint).host} gave no answer (${(error as Error).message}). A browser also reports a call refused by CORS this way.` };
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status: response.status, error: `not JSON: ${text.slice(0, 200)}` };
  }
  const unconfirmed = response.headers.get("x-sandbox-unconfirmed") ?? undefined;
  const success = successSchema.safeParse(body);
  if (response.ok && success.success) {
    return { ok: true, status: response.status, accessToken: success.data.access_token, expiresIn: success.data.expires_in, tokenType: success.data.token_type };
  }
  const failure = errorSchema.safeParse(body);
  return { ok: false, status: response.status, error: failure.success ? failure.data.error : text.slice(0, 200), ...(unconfirmed ? { unconfirmed } : {}) };
}
