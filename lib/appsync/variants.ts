import type { AppSyncApi } from "../config/environment";
import type { CommandAuth } from "../http/command-line";

/**
 * The ways a client can authenticate to AppSync. Each is one column of the test calls: the
 * point is to see, side by side, which one the API accepts and what it says to the others.
 * "lambda-token" is the token the user's own AWS_LAMBDA authorizer expects, typed in by the user.
 */
export const APPSYNC_VARIANTS = ["api-key", "id-token", "access-token", "iam", "lambda-token"] as const;
export type AppSyncVariant = (typeof APPSYNC_VARIANTS)[number];

export const VARIANT_LABEL: Record<AppSyncVariant, string> = {
  "api-key": "API key",
  "id-token": "User pool: ID token",
  "access-token": "User pool: access token",
  iam: "IAM (SigV4, identity pool)",
  "lambda-token": "Lambda authorizer token",
};

/**
 * The variants worth a column for this API: the Lambda token only where the API has an AWS_LAMBDA
 * mode (nobody else would read it); the others always, since what an API says to a credential it
 * has no mode for is itself a finding.
 */
export function appSyncVariantsFor(api: Pick<AppSyncApi, "defaultAuthMode" | "additionalAuthModes"> | undefined): AppSyncVariant[] {
  const lambda = api !== undefined && [api.defaultAuthMode, ...api.additionalAuthModes].includes("AWS_LAMBDA");
  return APPSYNC_VARIANTS.filter((variant) => variant !== "lambda-token" || lambda);
}

/** What a variant needs from the session; a missing one means "could not run", with a reason. */
export interface AppSyncCredentials {
  apiKey?: string;
  idToken?: string;
  accessToken?: string;
  aws?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** The token for an AWS_LAMBDA authorizer, as the user typed it (memory only, never stored or shared). */
  lambdaToken?: string;
  /** Why `aws` is missing (identity-pool error, no identity pool configured…). */
  awsUnavailable?: string;
}

export function missingFor(variant: AppSyncVariant, c: AppSyncCredentials): string | undefined {
  switch (variant) {
    case "api-key":
      return c.apiKey ? undefined : "No API key in this environment.";
    case "id-token":
      return c.idToken ? undefined : "Not signed in: no ID token.";
    case "access-token":
      return c.accessToken ? undefined : "Not signed in: no access token.";
    case "iam":
      return c.aws ? undefined : (c.awsUnavailable ?? "No identity-pool credentials.");
    case "lambda-token":
      return c.lambdaToken ? undefined : "No Lambda authorizer token: type the one your authorizer expects in \"Lambda authorizer token\".";
  }
}

/**
 * How a copied command carries this variant's credential (lib/http/command-line): the key in
 * `x-api-key`, the raw JWT in `authorization` (AppSync takes no "Bearer"), the Lambda token as
 * the whole `authorization` value (AppSync hands it to the authorizer as `authorizationToken`), or
 * SigV4 for service `appsync` signed by curl.
 */
export function commandAuthFor(variant: AppSyncVariant, region: string, c: AppSyncCredentials): CommandAuth {
  switch (variant) {
    case "api-key":
      return { kind: "header", name: "x-api-key", variable: "API_KEY" };
    case "id-token":
      return { kind: "header", name: "authorization", variable: "ID_TOKEN" };
    case "access-token":
      return { kind: "header", name: "authorization", variable: "ACCESS_TOKEN" };
    case "iam":
      return { kind: "sigv4", region, service: "appsync", sessionToken: Boolean(c.aws?.sessionToken) };
    case "lambda-token":
      return { kind: "header", name: "authorization", variable: "LAMBDA_TOKEN" };
  }
}
