import { GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, StopQueryExecutionCommand, type AthenaClient, type QueryExecution } from "@aws-sdk/client-athena";
import { rowsToRecords } from "./rows";

/**
 * Runs one query with the official Athena client, as AWS documents it ("Run SQL queries …
 * programmatically": StartQueryExecution, then GetQueryExecution until the state is final, then
 * GetQueryResults page by page; https://docs.aws.amazon.com/athena/latest/APIReference/API_StartQueryExecution.html,
 * API_GetQueryExecution.html, API_GetQueryResults.html). Yields progress for a terminal (CLI) or a
 * stream (the dashboard's route); shared so both read Athena alike.
 *
 * States: QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED (QueryExecutionStatus.State); a FAILED
 * query says why in StateChangeReason and AthenaError. Statistics.DataScannedInBytes is what the
 * query is billed on.
 */

export type AthenaRunMessage =
  | { type: "started"; queryExecutionId: string; elapsedMs: number }
  | { type: "progress"; state: string; dataScannedBytes: number; elapsedMs: number }
  | { type: "rows"; records: Record<string, unknown>[]; rows: number; elapsedMs: number }
  | { type: "done"; queryExecutionId: string; dataScannedBytes: number; engineMs?: number; rows: number; elapsedMs: number; truncated: boolean };

export type AthenaFailureKind = "refused" | "failed" | "cancelled" | "timeout" | "unreachable" | "credentials" | "malformed";

export class AthenaQueryError extends Error {
  override readonly name = "AthenaQueryError";
  constructor(
    readonly kind: AthenaFailureKind,
    message: string,
    /** AWS's error name (InvalidRequestException …) or, for a failed query, its AthenaError.ErrorType. */
    readonly awsError?: string,
  ) {
    super(message);
  }
}

export interface RunAthenaOptions {
  client: Pick<AthenaClient, "send">;
  sql: string;
  database?: string;
  /** Athena's default catalog for Glue tables ("AwsDataCatalog", QueryExecutionContext.Catalog). */
  catalog?: string;
  workgroup?: string;
  /** `s3://…/` for results; may be omitted when the workgroup sets one. */
  outputLocation?: string;
  signal?: AbortSignal;
  now?: () => number;
  /** Give up (and stop the query) after this long. */
  timeoutMs?: number;
  /** First poll delay; doubles up to 2 s. */
  pollMs?: number;
  /** Stop reading after this many rows (the query's LIMIT normally comes first). */
  maxRows?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

type SdkError = Error & { $metadata?: { httpStatusCode?: number }; AthenaErrorCode?: string; Message?: string; code?: string };

/** Why AWS said no, in words a user can act on. */
const HINTS: Record<string, string> = {
  AccessDeniedException: "These credentials may not run Athena queries (athena:StartQueryExecution, GetQueryExecution, GetQueryResults, plus glue:GetTable and s3:GetObject on the trail bucket).",
  UnrecognizedClientException: "AWS does not know this access key — or a temporary (ASIA…) key was used without its session token.",
  InvalidSignatureException: "The secret access key does not belong to this access key id.",
  ExpiredTokenException: "These temporary credentials have expired: get new ones.",
  TooManyRequestsException: "Athena is throttling this account; try again shortly.",
};

export function athenaErrorOf(error: unknown, endpoint: string): AthenaQueryError {
  if (error instanceof AthenaQueryError) return error;
  const e = error as SdkError;
  if (e.$metadata?.httpStatusCode) {
    const detail = e.message || e.Message || "";
    const code = e.AthenaErrorCode ? ` (${e.AthenaErrorCode})` : "";
    const hint = HINTS[e.name] ? ` ${HINTS[e.name]}` : "";
    return new AthenaQueryError("refused", `Athena refused: ${e.name}${code}: ${detail}${hint}`.trim(), e.name);
  }
  if (e.name === "CredentialsProviderError") return new AthenaQueryError("credentials", "No AWS credentials were found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).");
  if (e.name === "AbortError") return new AthenaQueryError("cancelled", "The query was cancelled.");
  const reason = [e.name, e.code].filter((v) => typeof v === "string" && v !== "").join(" ") || "error";
  return new AthenaQueryError("unreachable", `Athena at ${endpoint} could not be reached (${reason}).`);
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
    }, { once: true });
  });

function failureOf(execution: QueryExecution | undefined): AthenaQueryError {
  const status = execution?.Status;
  const state = status?.State ?? "UNKNOWN";
  const reason = status?.AthenaError?.ErrorMessage ?? status?.StateChangeReason ?? "no reason given";
  if (state === "CANCELLED") return new AthenaQueryError("cancelled", `The query was cancelled: ${reason}`);
  const type = status?.AthenaError?.ErrorType !== undefined ? String(status.AthenaError.ErrorType) : undefined;
  return new AthenaQueryError("failed", `The query FAILED: ${reason}`, type);
}

export async function* runAthenaQuery(o: RunAthenaOptions, endpointForMessages = "its endpoint"): AsyncGenerator<AthenaRunMessage> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? defaultSleep;
  const started = now();
  const elapsed = () => now() - started;
  let queryExecutionId: string | undefined;
  let finished = false;
  try {
    const start = await o.client.send(
      new StartQueryExecutionCommand({
        QueryString: o.sql,
        ...(o.database ? { QueryExecutionContext: { Database: o.database, ...(o.catalog ? { Catalog: o.catalog } : {}) } } : {}),
        ...(o.workgroup ? { WorkGroup: o.workgroup } : {}),
        ...(o.outputLocation ? { ResultConfiguration: { OutputLocation: o.outputLocation } } : {}),
      }),
      { ...(o.signal ? { abortSignal: o.signal } : {}) },
    );
    queryExecutionId = start.QueryExecutionId;
    if (!queryExecutionId) throw new AthenaQueryError("malformed", "Athena accepted the query but named no QueryExecutionId.");
    yield { type: "started", queryExecutionId, elapsedMs: elapsed() };

    let delay = o.pollMs ?? 250;
    let execution: QueryExecution | undefined;
    let lastState = "";
    let lastScanned = -1;
    for (;;) {
      const answer = await o.client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryExecutionId }), { ...(o.signal ? { abortSignal: o.signal } : {}) });
      execution = answer.QueryExecution;
      const state = execution?.Status?.State ?? "UNKNOWN";
      const scanned = execution?.Statistics?.DataScannedInBytes ?? 0;
      if (state !== lastState || scanned !== lastScanned) yield { type: "progress", state, dataScannedBytes: scanned, elapsedMs: elapsed() };
      lastState = state;
      lastScanned = scanned;
      if (state === "SUCCEEDED") break;
      if (state === "FAILED" || state === "CANCELLED") {
        finished = true;
        throw failureOf(execution);
      }
      if (o.timeoutMs !== undefined && elapsed() > o.timeoutMs) throw new AthenaQueryError("timeout", `The query was still ${state} after ${Math.round(o.timeoutMs / 1000)} s; it was stopped.`);
      await sleep(delay, o.signal);
      delay = Math.min(2000, delay * 2);
    }
    finished = true;

    let rows = 0;
    let nextToken: string | undefined;
    let first = true;
    let truncated = false;
    do {
      const page = await o.client.send(
        new GetQueryResultsCommand({ QueryExecutionId: queryExecutionId, MaxResults: 1000, ...(nextToken ? { NextToken: nextToken } : {}) }),
        { ...(o.signal ? { abortSignal: o.signal } : {}) },
      );
      let records;
      try {
        records = rowsToRecords(page.ResultSet?.Rows ?? [], first);
      } catch (error) {
        throw new AthenaQueryError("malformed", (error as Error).message);
      }
      first = false;
      rows += records.length;
      yield { type: "rows", records, rows, elapsedMs: elapsed() };
      nextToken = page.NextToken;
      if (o.maxRows !== undefined && rows >= o.maxRows && nextToken) {
        truncated = true;
        break;
      }
    } while (nextToken);
    const stats = execution?.Statistics;
    yield {
      type: "done",
      queryExecutionId,
      dataScannedBytes: stats?.DataScannedInBytes ?? 0,
      ...(stats?.EngineExecutionTimeInMillis !== undefined ? { engineMs: stats.EngineExecutionTimeInMillis } : {}),
      rows,
      elapsedMs: elapsed(),
      truncated,
    };
  } catch (error) {
    // A query left running keeps scanning (and billing): stop it when we give up on it.
    if (queryExecutionId && !finished) {
      await o.client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryExecutionId })).catch(() => undefined);
    }
    if (o.signal?.aborted) throw new AthenaQueryError("cancelled", "The query was cancelled.");
    throw athenaErrorOf(error, endpointForMessages);
  }
}
