import { diagnose } from "@/lib/diagnosis/engine";
import type { AuthorizerInput, Variant } from "@/lib/diagnosis/types";
import type { AppSyncApi, Environment } from "@/lib/config/environment";
import { APPSYNC_ROWS } from "@/lib/appsync/test-calls";
import { EVENT_ROWS } from "@/lib/appsync/events/test-calls";
import { isDone, type TestCallKey, type TestCallResult } from "@/lib/test-calls/types";

/**
 * The known failure a refused cell most likely is, from everything the cell knows: which call
 * (row), which credential (column), the HTTP status, AWS's error type and message, and what the
 * environment says about the API it called (an AppSync API's authorization modes). AWS's words
 * are often generic ("Unauthorized", "Permission denied"); the cell's own context decides then.
 */
export function withDiagnosis({ row, column }: TestCallKey, result: TestCallResult, environment?: Pick<Environment, "appSync">): TestCallResult {
  if (result.outcome === "pass" || !isDone(result.outcome)) return result;
  const variant = variantOf(column);
  const api = environment?.appSync[0];
  const [top] = diagnose({
    service: row,
    variant,
    status: result.status,
    errorType: result.errorType,
    message: result.message ?? result.summary,
    // An Event API cell says so: AppSync's words for a namespace's refusal are its generic ones.
    text: [isEventRow(row) ? `[AppSync Event API call: ${row}]` : undefined, result.summary, result.detail?.response?.slice(0, 4000)].filter(Boolean).join("\n"),
    ...(api && isAppSyncRow(row) ? { authorizer: appSyncAuthorizer(api, variant) } : {}),
  });
  if (!top) return result;
  const evidence = top.signals.filter((s) => s.weight > 0).map((s) => (s.phrase !== undefined ? `"${s.phrase}" → ${s.means}` : s.detail));
  return { ...result, diagnosis: { id: top.id, title: top.title, cause: top.cause, evidence, fix: top.fix } };
}

const isEventRow = (row: string) => (Object.values(EVENT_ROWS) as string[]).includes(row);
const isAppSyncRow = (row: string) => row === APPSYNC_ROWS.http || row === APPSYNC_ROWS.realtime;

/**
 * aws-amplify's columns ("amplify:AWS_IAM") named by the credential Amplify sends in that mode:
 * SigV4 for AWS_IAM, the API key, the ACCESS token for user pools (amplify-js #3326; the
 * AppSync console sends the ID token instead), and for AWS_LAMBDA the token the user typed.
 */
const AMPLIFY_VARIANT: Readonly<Record<AppSyncApi["defaultAuthMode"], Variant>> = {
  AWS_IAM: "iam",
  API_KEY: "api-key",
  AMAZON_COGNITO_USER_POOLS: "access-token",
  OPENID_CONNECT: "jwt",
  AWS_LAMBDA: "lambda-token",
};

function variantOf(column: string): Variant {
  const mode = /^amplify:(.+)$/.exec(column)?.[1] as AppSyncApi["defaultAuthMode"] | undefined;
  return mode ? (AMPLIFY_VARIANT[mode] ?? column) : column;
}

/** Which mode of the API reads the variant's credential, if the API has one; the API's modes either way. */
function appSyncAuthorizer(api: AppSyncApi, variant: Variant): AuthorizerInput {
  const modes = [api.defaultAuthMode, ...api.additionalAuthModes];
  const readers: readonly AppSyncApi["defaultAuthMode"][] =
    variant === "iam" ? ["AWS_IAM"] : variant === "api-key" ? ["API_KEY"] : variant === "lambda-token" ? ["AWS_LAMBDA"] : ["AMAZON_COGNITO_USER_POOLS", "OPENID_CONNECT", "AWS_LAMBDA"];
  const type = readers.find((m) => modes.includes(m));
  return { ...(type ? { type } : {}), authModes: modes };
}
