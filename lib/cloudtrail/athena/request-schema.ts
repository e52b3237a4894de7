import { z } from "zod";
import { REGION_PATTERN } from "../../config/environment";
import { accessKeyIdSchema, accountIdSchema, athenaName, identityIdSchema, identityPoolIdSchema, regionSchema, roleArnSchema, workgroupName } from "./sql-literal";

/**
 * What the /cloudtrail page posts to /api/cloudtrail/athena. The page never sends SQL: it sends
 * the failed calls and where to look, and the server builds the query with correlationQuery from
 * validated values — so the route cannot be made to run arbitrary SQL with the deployment's
 * credentials. Messages name paths, never values (a rejected secret is not echoed).
 */

export const ATHENA_MAX_BODY_BYTES = 32 * 1024;

const pasted = z.strictObject({
  mode: z.literal("pasted"),
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, "accessKeyId must be 16–128 upper-case letters or digits (AKIA… or ASIA…)"),
  secretAccessKey: z.string().min(16, "secretAccessKey is too short").max(128, "secretAccessKey is too long").regex(/^\S+$/, "secretAccessKey cannot contain spaces"),
  sessionToken: z.string().max(8192, "sessionToken is too long").regex(/^\S*$/, "sessionToken cannot contain spaces").optional(),
});

const failure = z.strictObject({
  at: z.iso.datetime({ offset: true, error: "at must be an ISO 8601 time" }),
  identityId: identityIdSchema.optional(),
  identityPoolId: identityPoolIdSchema.optional(),
  accessKeyId: accessKeyIdSchema.optional(),
  expectedRoleArn: roleArnSchema.optional(),
});

export const athenaRequestSchema = z.strictObject({
  region: z.string().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
  /** The sandbox's `/athena`; omitted for AWS's regional endpoint. */
  endpoint: z.string().max(2048, "endpoint is too long").optional(),
  database: athenaName,
  table: athenaName,
  workgroup: workgroupName.optional(),
  outputLocation: z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9!_.*()\/-]*)?$/, "outputLocation must be s3://bucket/prefix/").optional(),
  accounts: z.array(accountIdSchema).max(100).default([]),
  regions: z.array(regionSchema).max(40).default([]),
  lookBackMinutes: z.number().int().min(1).max(7 * 24 * 60).default(15),
  failures: z.array(failure).min(1, "add a failed call first").max(20, "at most 20 failed calls per query"),
  credentials: z.discriminatedUnion("mode", [pasted, z.strictObject({ mode: z.literal("server") }), z.strictObject({ mode: z.literal("sandbox") })], {
    error: 'credentials must be {"mode":"pasted",…}, {"mode":"server"} or {"mode":"sandbox"}',
  }),
});

export type AthenaRequest = z.infer<typeof athenaRequestSchema>;
export type AthenaRequestInput = z.input<typeof athenaRequestSchema>;

/** The NDJSON lines the route streams (one JSON object per line). */
export type AthenaMessage =
  | { type: "start"; sql: string; days: string[]; startTime: string; endTime: string; endpoint: "aws" | "sandbox" }
  | { type: "started"; queryExecutionId: string; elapsedMs: number }
  | { type: "progress"; state: string; dataScannedBytes: number; elapsedMs: number }
  /** `records`: CloudTrail records rebuilt from the rows (rows.ts), session tokens redacted. */
  | { type: "rows"; records: Record<string, unknown>[]; rows: number; elapsedMs: number }
  | { type: "done"; queryExecutionId: string; dataScannedBytes: number; rows: number; elapsedMs: number; truncated: boolean }
  | { type: "error"; code: string; message: string; awsError?: string; elapsedMs: number };
