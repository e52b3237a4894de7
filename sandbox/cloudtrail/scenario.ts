import { z } from "zod";
import { assertPolicyDocument, formatIssue, parsePolicyDocument, type PolicyDocument } from "../../lib/iam";

/**
 * What a scenario says about its CloudTrail:
 *  - `cloudTrailReaders`: long-term key pairs of a "support engineer" who may call LookupEvents
 *    (documented in the scenario file on purpose: the e2e tests paste them into the dashboard).
 *    Each carries IAM policies, evaluated like a role's; the default allows only
 *    cloudtrail:LookupEvents, the permission a real support engineer would be given.
 *  - `cloudTrailDeliveryDelaySeconds`: how long after the call an event becomes visible, so
 *    "not delivered yet" can be seen (AWS: about 5 minutes on average, not guaranteed).
 */

/** Long-term IAM user keys: AKIA + 16 upper-case letters or digits. */
const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{16}$/;

export const LOOKUP_EVENTS_ONLY: PolicyDocument = assertPolicyDocument({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "cloudtrail:LookupEvents", Resource: "*" }],
});

const policySchema = z.unknown().transform((value, ctx): PolicyDocument => {
  const result = parsePolicyDocument(value);
  if (result.ok) return result.policy;
  for (const issue of result.issues) ctx.addIssue({ code: "custom", message: formatIssue(issue) });
  return z.NEVER;
});

export const cloudTrailReaderSchema = z.strictObject({
  name: z.string().regex(/^[\w+=,.@-]{1,64}$/, "name must be an IAM user name").default("support-engineer"),
  accessKeyId: z.string().regex(ACCESS_KEY_ID, "accessKeyId must look like AKIA followed by 16 letters or digits"),
  secretAccessKey: z.string().min(16, "secretAccessKey must be at least 16 characters").max(128),
  policies: z.array(policySchema).optional(),
});

export type CloudTrailReader = z.infer<typeof cloudTrailReaderSchema>;

/** The two scenario keys, spread into the scenario schema in ../scenario.ts. */
export const cloudTrailScenarioKeys = {
  cloudTrailReaders: z.array(cloudTrailReaderSchema).default([]),
  // An hour is far beyond anything AWS shows and keeps a typo from hiding events for a day.
  cloudTrailDeliveryDelaySeconds: z.number().int().min(0).max(3600).default(0),
};
