/**
 * The ways a client can authenticate to AppSync. Each is one column of the test calls: the
 * point is to see, side by side, which one the API accepts and what it says to the others.
 */
export const APPSYNC_VARIANTS = ["api-key", "id-token", "access-token", "iam"] as const;
export type AppSyncVariant = (typeof APPSYNC_VARIANTS)[number];

export const VARIANT_LABEL: Record<AppSyncVariant, string> = {
  "api-key": "API key",
  "id-token": "User pool: ID token",
  "access-token": "User pool: access token",
  iam: "IAM (SigV4, identity pool)",
};

/** What a variant needs from the session; a missing one means "could not run", with a reason. */
export interface AppSyncCredentials {
  apiKey?: string;
  idToken?: string;
  accessToken?: string;
  aws?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
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
  }
}
