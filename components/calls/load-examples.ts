"use client";

import type { IntrospectionQuery } from "graphql";
import type { AppSyncApi } from "@/lib/config/environment";
import { appSyncEndpoints } from "@/lib/appsync/endpoints";
import { examplesFromIntrospection, INTROSPECTION, type SchemaExamples } from "@/lib/appsync/examples";
import { buildGraphqlRequest } from "@/lib/appsync/http-request";
import type { AppSyncCredentials } from "@/lib/appsync/variants";
import { sendPrepared } from "@/lib/http/exchange";
import { readTokens } from "@/components/session/read-tokens";
import { baseFetch } from "./base-fetch";

/** Introspection with the first credential that may be allowed to read the schema. */
export async function loadExamples(api: AppSyncApi): Promise<SchemaExamples | string> {
  const tokens = await readTokens().catch(() => undefined);
  const credentials: AppSyncCredentials = { apiKey: api.apiKey, accessToken: tokens?.accessToken?.toString(), idToken: tokens?.idToken?.toString() };
  const endpoints = appSyncEndpoints(api.url);
  for (const variant of ["api-key", "access-token", "id-token"] as const) {
    try {
      const request = await buildGraphqlRequest(variant, endpoints, INTROSPECTION, credentials, api.region);
      const exchange = await sendPrepared(request, { path: "browser", timeoutMs: 8000, fetchImpl: baseFetch });
      if (exchange.response?.status !== 200) continue;
      const body = JSON.parse(exchange.response.body) as { data?: IntrospectionQuery };
      if (body.data?.__schema) return examplesFromIntrospection(body.data);
    } catch {
      // a missing credential or a refusal: try the next one
    }
  }
  return "Introspection was not allowed with any available credential; type a query.";
}

