"use client";

import { generateClient } from "aws-amplify/api";
import { AMPLIFY_AUTH_MODE } from "@/lib/config/amplify-config";
import type { AppSyncApi } from "@/lib/config/environment";
import { interpretAppSyncResponse } from "@/lib/appsync/response";
import type { GraphqlOperation } from "@/lib/appsync/http-request";
import { redactHeaders, redactText } from "@/lib/redact";
import type { TestCallResult, TestCall } from "@/lib/test-calls/types";
import { AMPLIFY_ROW, amplifyColumn } from "./axes";


interface Captured {
  headers: Record<string, string>;
  status?: number;
  body?: string;
  /** Requests aws-amplify made during the call that got no answer at all (endpoint down, connection dropped). */
  unreachable: { url: string; error: string }[];
}

/**
 * One cell per auth mode of the API, sent through aws-amplify's own generateClient(), with the
 * request it really made captured on the wire. This is where "works in the AppSync console,
 * fails in the app" shows: the console sends the ID token, Amplify sends the access token.
 */
type SessionTokens = { idToken?: string; accessToken?: string; lambdaToken?: string };

export function amplifyTestCalls(api: AppSyncApi, query: GraphqlOperation, tokens: SessionTokens): TestCall[] {
  // One cell per mode, as the grid has one column per mode (a mode listed twice is still one).
  const modes = [api.defaultAuthMode, ...api.additionalAuthModes].filter((m, i, all) => all.indexOf(m) === i);
  return modes.map((mode) => ({
    row: AMPLIFY_ROW,
    column: amplifyColumn(mode),
    run: async () => {
      // aws-amplify refuses the lambda mode without a token (NO_AUTH_TOKEN_HEADER): say what to type instead.
      if (mode === "AWS_LAMBDA" && !tokens.lambdaToken) return { outcome: "not-run", summary: "No Lambda authorizer token: type the one your authorizer expects in \"Lambda authorizer token\"." };
      return exclusive(() => runThroughAmplify(api, mode, query, tokens));
    },
  }));
}

async function runThroughAmplify(
  api: AppSyncApi,
  mode: AppSyncApi["defaultAuthMode"],
  query: GraphqlOperation,
  tokens: SessionTokens,
): Promise<TestCallResult> {
  const captured: Captured = { headers: {}, unreachable: [] };
  const started = performance.now();
  const restore = captureFetch(api.url, captured);
  let thrown: unknown;
  try {
    const client = generateClient({ authMode: AMPLIFY_AUTH_MODE[mode] });
    // The lambda mode's token goes in `authToken`, which aws-amplify sends as Authorization
    // (@aws-amplify/api-graphql InternalGraphQLAPI._graphql: "the explicit authToken take[s] precedence").
    const authToken = mode === "AWS_LAMBDA" ? tokens.lambdaToken : undefined;
    await client.graphql({ query: query.query, variables: query.variables as Record<string, never> | undefined, ...(authToken ? { authToken } : {}) });
  } catch (error) {
    thrown = error;
  } finally {
    restore();
  }
  const latencyMs = Math.round(performance.now() - started);
  const notes = [`aws-amplify generateClient({ authMode: "${AMPLIFY_AUTH_MODE[mode]}" })`, ...whichCredential(captured.headers, tokens)];
  const detail = {
    request: `POST ${api.url}\n${Object.entries(redactHeaders(captured.headers)).map(([k, v]) => `${k}: ${v}`).join("\n")}`,
    response: captured.status !== undefined ? `HTTP ${captured.status}\n\n${redactText(captured.body ?? "")}` : undefined,
    notes,
  };
  const lost = captured.unreachable[0];
  if (captured.status === undefined && lost) {
    // Amplify wraps a failed fetch in its own NetworkError; the endpoint and the browser's words are more useful.
    const url = new URL(lost.url);
    return { outcome: "error", summary: `No connection to ${url.host}: aws-amplify's request to ${url.origin}${url.pathname} failed (${lost.error}).`, latencyMs, detail, path: "browser" };
  }
  if (captured.status === undefined) {
    const e = thrown as Error | undefined;
    // Amplify refuses some modes before sending anything (no API key configured, no credentials).
    return { outcome: "not-run", summary: `aws-amplify sent nothing: ${e?.name ?? "Error"}: ${e?.message ?? "unknown"}`, latencyMs, detail, path: "browser" };
  }
  const verdict = interpretAppSyncResponse(captured.status, captured.body ?? "");
  if (verdict.ok) return { outcome: "pass", summary: `${captured.status} OK`, status: captured.status, latencyMs, detail, path: "browser" };
  const recovery = (thrown as { errors?: { recoverySuggestion?: string }[] } | undefined)?.errors?.[0]?.recoverySuggestion;
  if (recovery) notes.push(`Amplify's recoverySuggestion: ${recovery}`);
  return {
    outcome: "fail",
    status: captured.status,
    errorType: verdict.errorType,
    message: verdict.message,
    summary: [`${captured.status}`, [verdict.errorType, verdict.message].filter(Boolean).join(": ")].filter(Boolean).join(" "),
    latencyMs,
    detail,
    path: "browser",
  };
}

/** Says which token or key Amplify put on the request, compared with the session's own. */
function whichCredential(headers: Record<string, string>, tokens: SessionTokens): string[] {
  const authorization = headers["authorization"];
  if (headers["x-api-key"]) return ["Amplify sent the API key (x-api-key)."];
  if (!authorization) return ["Amplify sent no Authorization header."];
  if (authorization.startsWith("AWS4-HMAC-SHA256")) return ["Amplify signed the request with SigV4 (identity-pool credentials)."];
  if (authorization === tokens.accessToken) return ["Amplify sent the ACCESS token in Authorization (the AppSync console sends the ID token)."];
  if (authorization === tokens.idToken) return ["Amplify sent the ID token in Authorization."];
  if (tokens.lambdaToken && authorization === tokens.lambdaToken) return ["Amplify sent your Lambda authorizer token in Authorization, as given (authToken)."];
  return ["Amplify sent a token in Authorization that is neither of this session's tokens."];
}

/**
 * Records the one request Amplify makes to the endpoint; everything else passes untouched, except
 * that any request which gets no answer is noted (Amplify also fetches credentials on the way).
 *
 * Why window.fetch, and not an option of aws-amplify's: the cell must show the headers Amplify
 * really sent (the SigV4 Authorization included), AppSync's status and its body, and aws-amplify
 * offers no hook that sees them. In amplify-js (aws-amplify 6.22 / @aws-amplify/api-graphql 4.10):
 * - packages/core/src/clients/handlers/fetch.ts: `fetchTransferHandler` calls the global
 *   `fetch(url, …)`; no fetch or handler can be passed in.
 * - packages/api-rest/src/apis/common/transferHandler.ts and baseHandlers/authenticatedHandler.ts:
 *   the GraphQL POST goes through that handler, and SigV4 signing is a middleware inside it, so
 *   the signed Authorization exists only at the fetch.
 * - packages/core/src/singleton/API/types.ts: `LibraryAPIOptions.GraphQL` has only `headers()`
 *   (called before auth headers and signing) and `withCredentials`; generateClient() takes auth
 *   mode, token, headers and endpoint, none of which observes the answer.
 * - packages/api-graphql/src/internals/InternalGraphQLAPI.ts `_graphql`: a refused POST's error is
 *   turned into `createGraphQLResultWithError(error)`, so the caller never gets AppSync's HTTP
 *   status or raw body.
 */
function captureFetch(endpoint: string, captured: Captured): () => void {
  const original = window.fetch;
  const send = async (input: RequestInfo | URL, init: RequestInit | undefined, url: string) => {
    try {
      return await original(input, init);
    } catch (error) {
      if (!init?.signal?.aborted) captured.unreachable.push({ url, error: (error as Error)?.message || String(error) });
      throw error;
    }
  };
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.url !== endpoint) return send(input, init, request.url);
    request.headers.forEach((value, name) => (captured.headers[name] = value));
    const response = await send(input, init, request.url);
    captured.status = response.status;
    captured.body = await response.clone().text();
    return response;
  };
  return () => {
    window.fetch = original;
  };
}

// The capture patches window.fetch, so Amplify cells take turns. The page's own test calls use a
// fetch saved before any patch (AppSyncTestCallsInput.fetchImpl), so they are never captured.
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}
