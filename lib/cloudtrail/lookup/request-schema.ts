import { z } from "zod";
import { REGION_PATTERN } from "../../config/environment";

/**
 * What the browser posts to /api/cloudtrail: shared by the route (which validates it) and the
 * page (which builds it); the route's sibling schema.ts re-exports it. Messages never quote the
 * input, so a rejected secret is not echoed back.
 */

/** LookupEvents keeps 90 days. */
const MAX_WINDOW_MS = 90 * 24 * 3600 * 1000;
export const MAX_BODY_BYTES = 16 * 1024;
/** 200 pages of 50 = 10 000 events, 100 s at 2 requests/s: more means the window is too wide. */
const MAX_PAGES = 200;

const pasted = z.strictObject({
  mode: z.literal("pasted"),
  accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, "accessKeyId must be 16–128 upper-case letters or digits (AKIA… or ASIA…)"),
  secretAccessKey: z.string().min(16, "secretAccessKey is too short").max(128, "secretAccessKey is too long").regex(/^\S+$/, "secretAccessKey cannot contain spaces"),
  sessionToken: z.string().max(8192, "sessionToken is too long").regex(/^\S*$/, "sessionToken cannot contain spaces").optional(),
});

export const lookupRequestSchema = z
  .strictObject({
    region: z.string().regex(REGION_PATTERN, "region must look like ap-northeast-1"),
    /** A environment's endpoints.cloudTrail; omitted for AWS's regional endpoint. */
    endpoint: z.string().max(2048, "endpoint is too long").optional(),
    startTime: z.iso.datetime({ offset: true, error: "startTime must be an ISO 8601 time" }),
    endTime: z.iso.datetime({ offset: true, error: "endTime must be an ISO 8601 time" }),
    eventNames: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,127}$/, "event names are letters and digits"))
      .min(1)
      .max(5, "at most 5 event names (each is its own paged lookup)")
      .default(["AssumeRoleWithWebIdentity"]),
    maxPages: z.number().int().min(1).max(MAX_PAGES).default(40),
    // "sandbox": the local sandbox's own CloudTrail reader for the caller's scenario (never sent by the browser).
    credentials: z.discriminatedUnion("mode", [pasted, z.strictObject({ mode: z.literal("server") }), z.strictObject({ mode: z.literal("sandbox") })], {
      error: 'credentials must be {"mode":"pasted",…}, {"mode":"server"} or {"mode":"sandbox"}',
    }),
  })
  .refine((r) => Date.parse(r.startTime) < Date.parse(r.endTime), { message: "startTime must be before endTime", path: ["startTime"] })
  .refine((r) => Date.parse(r.endTime) - Date.parse(r.startTime) <= MAX_WINDOW_MS, { message: "the window is longer than the 90 days LookupEvents keeps", path: ["endTime"] });

export type LookupRequest = z.infer<typeof lookupRequestSchema>;
export type LookupRequestInput = z.input<typeof lookupRequestSchema>;

/** `credentials.secretAccessKey: too short` — paths and messages only, never values. */
export function formatLookupIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}
