import { COGNITO_IDENTITY_PROVIDER, type TrailEvent } from "./types";

/**
 * A parsed CloudTrail record → TrailEvent, or the reason it is not a usable record. Accepts both
 * a record and a LookupEvents `Event` (whose `CloudTrailEvent` is the record as a JSON string).
 */

type Normalized = { ok: true; event: TrailEvent } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), value);
const objectAt = (value: Obj | undefined, key: string): Obj | undefined => {
  const inner = value?.[key];
  return isObject(inner) ? inner : undefined;
};

/** Identity pool and identity ids both contain a colon: `{region}:{uuid}`. */
const ID = "[a-z]{2}(?:-[a-z]+)+-\\d+:[0-9a-f-]{36}";
const PRINCIPAL = new RegExp(`^${COGNITO_IDENTITY_PROVIDER.replace(/\./g, "\\.")}:(${ID}):(${ID})$`);

/**
 * `cognito-identity.amazonaws.com:{identityPoolId}:{identityId}`. Ids that don't look like AWS's
 * (a redacted capture: `<POOL>:<USER>`) are split at the first colon after the provider.
 */
export function parseWebIdentityPrincipal(principalId: string | undefined): { identityPoolId?: string; identityId?: string } {
  if (!principalId?.startsWith(`${COGNITO_IDENTITY_PROVIDER}:`)) return {};
  const strict = PRINCIPAL.exec(principalId);
  if (strict) return { identityPoolId: strict[1], identityId: strict[2] };
  const rest = principalId.slice(COGNITO_IDENTITY_PROVIDER.length + 1);
  const parts = rest.split(":");
  if (parts.length === 2) return { identityPoolId: parts[0], identityId: parts[1] };
  return {};
}

/** Session tokens in responseElements are bearer material; placeholders (`<…>`) are kept. */
export function redactRecord(record: Obj): Obj {
  const credentials = at(record, "responseElements", "credentials");
  const token = isObject(credentials) ? credentials["sessionToken"] : undefined;
  if (typeof token !== "string" || /^<.*>$/.test(token)) return record;
  const responseElements = record["responseElements"] as Obj;
  return {
    ...record,
    responseElements: { ...responseElements, credentials: { ...(credentials as Obj), sessionToken: `<redacted: ${token.length} characters>` } },
  };
}

/** Unwraps a LookupEvents Event; records pass through. */
export function recordOf(value: unknown): { record: Obj } | { reason: string } {
  if (!isObject(value)) return { reason: Array.isArray(value) ? "an array, not an event" : `a ${value === null ? "null" : typeof value}, not an event` };
  const embedded = value["CloudTrailEvent"];
  if (typeof embedded !== "string") return { record: value };
  try {
    const record: unknown = JSON.parse(embedded);
    return isObject(record) ? { record } : { reason: "CloudTrailEvent is not a JSON object" };
  } catch {
    return { reason: "CloudTrailEvent is not valid JSON" };
  }
}

/** Sets an optional field only when it has a value, so absent fields stay absent (not undefined). */
function set(event: TrailEvent, key: keyof TrailEvent, value: string | undefined): void {
  if (value !== undefined) (event as unknown as Obj)[key] = value;
}

export function normalizeRecord(record: Obj): Normalized {
  const eventName = str(record["eventName"]);
  const eventTime = str(record["eventTime"]);
  if (!eventName) return { ok: false, reason: "no eventName" };
  if (!eventTime) return { ok: false, reason: "no eventTime" };
  const timeMs = Date.parse(eventTime);
  if (!Number.isFinite(timeMs)) return { ok: false, reason: `eventTime "${eventTime.slice(0, 40)}" is not a time` };

  // Direct reads rather than a generic path walk: this runs for every kept record of a 100 MB file.
  const userIdentity = objectAt(record, "userIdentity");
  const request = objectAt(record, "requestParameters");
  const response = objectAt(record, "responseElements");
  const principalId = str(userIdentity?.["principalId"]);
  const userName = str(userIdentity?.["userName"]);
  const subject = str(response?.["subjectFromWebIdentityToken"]);
  const audience = str(response?.["audience"]);
  // The principal is only split (a regex per record) when the response does not name both.
  const fromPrincipal: ReturnType<typeof parseWebIdentityPrincipal> = subject === undefined || audience === undefined ? parseWebIdentityPrincipal(principalId) : {};
  const event: TrailEvent = {
    eventId: str(record["eventID"]) ?? `${eventName}@${eventTime}`,
    eventName,
    eventSource: str(record["eventSource"]) ?? "",
    eventTime,
    timeMs,
    record: redactRecord(record),
  };
  set(event, "awsRegion", str(record["awsRegion"]));
  set(event, "recipientAccountId", str(record["recipientAccountId"]));
  set(event, "userIdentityType", str(userIdentity?.["type"]));
  set(event, "principalId", principalId);
  set(event, "userName", userName);
  set(event, "identityId", subject ?? fromPrincipal.identityId ?? userName);
  set(event, "identityPoolId", audience ?? fromPrincipal.identityPoolId);
  set(event, "roleArn", str(request?.["roleArn"]));
  set(event, "roleSessionName", str(request?.["roleSessionName"]));
  set(event, "issuedAccessKeyId", str(objectAt(response, "credentials")?.["accessKeyId"]));
  set(event, "callerAccessKeyId", str(userIdentity?.["accessKeyId"]));
  set(event, "assumedRoleArn", str(objectAt(response, "assumedRoleUser")?.["arn"]));
  set(event, "errorCode", str(record["errorCode"]));
  set(event, "errorMessage", str(record["errorMessage"]));
  set(event, "sourceIPAddress", str(record["sourceIPAddress"]));
  set(event, "userAgent", str(record["userAgent"]));
  return { ok: true, event };
}

