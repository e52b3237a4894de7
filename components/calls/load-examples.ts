"use client";

import type { IntrospectionQuery } from "graphql";
import type { AppSyncApi } from "@/lib/config/environment";
import { appSyncEndpoints } from "@/lib/appsync/endpoints";
import { examplesFromIntrospection, INTROSPECTION, type SchemaExamples } from "@/lib/appsync/examples";
import { buildGraphqlRequest } from "@/lib/appsync/http-request";
import { VARIANT_LABEL, type AppSyncCredentials } from "@/lib/appsync/variants";
import { AppError } from "@/lib/errors";
import { endpointHost, unreachableError } from "@/lib/errors/unreachable";
import type { Exchange } from "@/lib/http/exchange";
import { sendPrepared } from "@/lib/http/exchange";
import { readTokens } from "@/components/session/read-tokens";
import { baseFetch } from "./base-fetch";

const VARIANTS = ["api-key", "access-token", "id-token"] as const;

/**
 * Introspection with the first credential that may be allowed to read the schema. When no attempt
 * got any answer, the endpoint is named as unreachable (with what was tried), not taken for a
 * refusal: a dead endpoint and a schema nobody may read need different fixes.
 */
export async function loadExamples(api: AppSyncApi): Promise<SchemaExamples | AppError> {
  const tokens = await readTokens().catch(() => undefined);
  const credentials: AppSyncCredentials = { apiKey: api.apiKey, accessToken: tokens?.accessToken?.toString(), idToken: tokens?.idToken?.toString() };
  const endpoints = appSyncEndpoints(api.url);
  const unanswered: { variant: (typeof VARIANTS)[number]; exchange: Exchange }[] = [];
  let answered = false;
  for (const variant of VARIANTS) {
    try {
      const request = await buildGraphqlRequest(variant, endpoints, INTROSPECTION, credentials, api.region);
      const exchange = await sendPrepared(request, { path: "browser", timeoutMs: 8000, fetchImpl: baseFetch });
      // A CORS refusal comes from a live endpoint; only no answer at all counts as unreachable.
      if (exchange.response || exchange.outcome === "cors-blocked") answered = true;
      else unanswered.push({ variant, exchange });
      if (exchange.response?.status !== 200) continue;
      const body = JSON.parse(exchange.response.body) as { data?: IntrospectionQuery };
      if (body.data?.__schema) return examplesFromIntrospection(body.data);
    } catch {
      // a missing credential or an unreadable answer: try the next one
    }
  }
  if (!answered && unanswered.length > 0) {
    const credentials_ = unanswered.map((u) => VARIANT_LABEL[u.variant]).join(", ");
    const timedOut = unanswered.every((u) => u.exchange.outcome === "timeout");
    const tried = [`introspection (POST ${endpoints.graphqlUrl}) with ${credentials_}, from this browser: ${unanswered[0]!.exchange.message}`];
    if (timedOut) return new AppError("timeout:appsync", `AppSync at ${endpointHost(endpoints.graphqlUrl)} did not answer in time. Tried: ${tried[0]} Type a query, and check the endpoint.`);
    return unreachableError("unreachable:appsync", "AppSync", endpoints.graphqlUrl, [...tried, "type a query, and check the endpoint"]);
  }
  return new AppError("forbidden:appsync:introspection", "Introspection was not allowed with any available credential; type a query.");
}
