import { signRequest } from "../sigv4/sign";
import type { SignedRequest } from "../sigv4/types";
import type { AppSyncEndpoints } from "./endpoints";
import { missingFor, type AppSyncCredentials, type AppSyncVariant } from "./variants";

export interface GraphqlOperation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

type PreparedRequest = SignedRequest & { body: string };

/**
 * The exact HTTP request one variant sends, built explicitly (not through a client library) so
 * the dashboard can show it byte for byte. JWT modes send the raw token in `Authorization`, with
 * no "Bearer" — that is AppSync's format, and a "Bearer " prefix is itself a classic failure.
 */
export async function buildGraphqlRequest(
  variant: AppSyncVariant,
  endpoints: AppSyncEndpoints,
  operation: GraphqlOperation,
  credentials: AppSyncCredentials,
  region: string,
): Promise<PreparedRequest> {
  const missing = missingFor(variant, credentials);
  if (missing) throw new Error(missing);
  const body = JSON.stringify(operation);
  const base = { method: "POST", url: endpoints.graphqlUrl, body };
  const headers: Record<string, string> = { "content-type": "application/json" };
  switch (variant) {
    case "api-key":
      return { ...base, headers: { ...headers, "x-api-key": credentials.apiKey! } };
    case "id-token":
      return { ...base, headers: { ...headers, authorization: credentials.idToken! } };
    case "access-token":
      return { ...base, headers: { ...headers, authorization: credentials.accessToken! } };
    // AWS_LAMBDA: the Authorization header's value is the authorizer's `authorizationToken` (AppSync devguide, AWS_LAMBDA authorization).
    case "lambda-token":
      return { ...base, headers: { ...headers, authorization: credentials.lambdaToken! } };
    case "iam": {
      const signed = await signRequest(
        { ...base, headers },
        { credentials: credentials.aws!, region, service: "appsync" },
      );
      return { ...signed, body };
    }
  }
}
