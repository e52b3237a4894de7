/**
 * lib/cloudtrail's shared shapes. Everything here is plain data so a Web Worker can post it, the
 * server route can stream it as NDJSON and the CLI can print it as JSON.
 */

export const WEB_IDENTITY_EVENT = "AssumeRoleWithWebIdentity";
export const COGNITO_IDENTITY_PROVIDER = "cognito-identity.amazonaws.com";

/** One CloudTrail record, reduced to what correlation reads; `record` keeps the whole of it. */
export interface TrailEvent {
  eventId: string;
  eventName: string;
  eventSource: string;
  /** As recorded (`2025-02-24T14:15:12Z`). */
  eventTime: string;
  timeMs: number;
  awsRegion?: string;
  recipientAccountId?: string;
  userIdentityType?: string;
  principalId?: string;
  userName?: string;
  /** From responseElements.subjectFromWebIdentityToken, else the principalId, else userName. */
  identityId?: string;
  /** From responseElements.audience, else the principalId. */
  identityPoolId?: string;
  roleArn?: string;
  roleSessionName?: string;
  /** The key STS handed out (responseElements.credentials.accessKeyId). */
  issuedAccessKeyId?: string;
  /** The key that signed the call (userIdentity.accessKeyId); absent for web identities. */
  callerAccessKeyId?: string;
  assumedRoleArn?: string;
  errorCode?: string;
  errorMessage?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  /** The record as CloudTrail wrote it, with any session token replaced. */
  record: Record<string, unknown>;
}

/** A call that failed, as the test calls (or a person, or a link) describes it. */
export interface FailedCall {
  /** ISO time of the call. */
  at: string;
  /** What the test calls calls the credential variant, e.g. "identity pool (enhanced)". */
  variant?: string;
  /** A short name for the call, e.g. "AppSync HTTP · listNotes". */
  label?: string;
  identityId?: string;
  identityPoolId?: string;
  accessKeyId?: string;
  expectedRoleArn?: string;
  /** The IAM action the call needed, e.g. appsync:GraphQL. */
  action?: string;
  /** The resource ARN it needed it on. */
  resource?: string;
}

export type VerdictKind = "assumed" | "assumed-other-role" | "refused" | "absent";

export type HighlightTone = "match" | "mismatch" | "error" | "info";

/** A field of the record worth pointing at, with what it means for this failure. */
export interface Highlight {
  /** Dotted path in the record, e.g. `responseElements.credentials.accessKeyId`. */
  field: string;
  value: string;
  tone: HighlightTone;
  note: string;
}

export type EvidenceRelation = "issued-these-credentials" | "same-identity" | "same-pool" | "same-role";

export interface Evidence {
  event: TrailEvent;
  relation: EvidenceRelation;
  /** Signed minutes from the call to the event (negative: before the call). */
  minutesFromCall: number;
  highlights: Highlight[];
}

export interface Verdict {
  failure: FailedCall;
  verdict: VerdictKind;
  /** One line. */
  headline: string;
  explanation: string;
  nextStep: string;
  /** The decisive event first. */
  evidence: Evidence[];
  /** `assumed`: what the role's permissions policy must allow. */
  needed?: { action: string; resource: string };
  /** `absent`: what the absence can mean, most likely first. */
  causes?: string[];
  /** `absent` shortly after the call: when another look is worth it. */
  lookAgainAt?: string;
  /** Caveats (e.g. the call's key is not among the events). */
  notes: string[];
}

/** What the engine should know about where the events came from. */
export interface CorrelationContext {
  /** Milliseconds since the epoch; defaults to Date.now(). */
  now?: number;
  /** The Region the events were looked up in (live lookups); files may hold several. */
  region?: string;
  /** The time range the events cover (lookup window, or the file's first and last event). */
  coverage?: { startMs: number; endMs: number };
  /** Look this far before the call for the assumption (default 15 minutes). */
  windowBeforeMs?: number;
  /** And this far after it, for clock skew and delivery order (default 1 minute). */
  windowAfterMs?: number;
}
