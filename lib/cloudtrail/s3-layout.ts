/**
 * Where a trail puts its log files in S3, and reading that back from a key. One module so the
 * sandbox (which writes files), `correlate --logs` (which prunes a downloaded folder) and the
 * Athena table definition (whose partitions are these path parts) agree on one layout.
 *
 * Layout, from "Finding your CloudTrail log files"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html):
 *   [prefix/]AWSLogs/[O-ID/]AccountID/CloudTrail/Region/YYYY/MM/DD/<file name>
 * — the O-ID level only for an organization trail. File name, from "CloudTrail log file name
 * format" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html):
 *   AccountID_CloudTrail_RegionName_YYYYMMDDTHHmmZ_UniqueString.json.gz
 * where the time is when the file was delivered ("A log file delivered at a specific time can
 * contain records written at any point before that time") and UniqueString is 16 characters with
 * no meaning.
 */

export interface TrailObjectKey {
  /** Any prefix the trail was given, without the trailing slash ("" for none). */
  prefix: string;
  /** The organization id (`o-…`) of an organization trail, else undefined. */
  orgId?: string;
  accountId: string;
  region: string;
  /** The key's day folder as `YYYY/MM/DD` — Athena's partition-projection `timestamp` value. */
  day: string;
  /** The file name alone. */
  fileName: string;
  /** Delivery time from the file name, when the name has the standard form. */
  deliveredAtMs?: number;
}

const DAY_FOLDER = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const FILE_NAME = /^(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[A-Za-z0-9]+\.json(\.gz)?$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** `YYYY/MM/DD` in UTC. */
export function dayFolder(timeMs: number): string {
  const d = new Date(timeMs);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

export interface TrailFileSpec {
  prefix?: string;
  orgId?: string;
  accountId: string;
  region: string;
  deliveredAtMs: number;
  /** 16 characters of [A-Za-z0-9]. */
  uniqueString: string;
}

/** The object key CloudTrail would deliver this file under. */
export function trailObjectKey(spec: TrailFileSpec): string {
  const d = new Date(spec.deliveredAtMs);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
  const parts = [
    spec.prefix ? spec.prefix.replace(/\/+$/, "") : undefined,
    "AWSLogs",
    spec.orgId,
    spec.accountId,
    "CloudTrail",
    spec.region,
    dayFolder(spec.deliveredAtMs),
    `${spec.accountId}_CloudTrail_${spec.region}_${stamp}_${spec.uniqueString}.json.gz`,
  ];
  return parts.filter((part): part is string => Boolean(part)).join("/");
}

/**
 * Reads account, Region and day back from a key (or a local path that mirrors one, with `/` or
 * `\` separators). Undefined when the path does not have the layout — such a file is still read,
 * just never pruned.
 */
export function parseTrailObjectKey(path: string): TrailObjectKey | undefined {
  const parts = path.split(/[\\/]+/);
  const at = parts.lastIndexOf("AWSLogs");
  if (at < 0) return undefined;
  const rest = parts.slice(at + 1);
  const orgId = rest[0]?.startsWith("o-") ? rest.shift() : undefined;
  // AccountID / CloudTrail / Region / YYYY / MM / DD / file
  if (rest.length !== 7 || !/^\d{12}$/.test(rest[0]!) || rest[1] !== "CloudTrail") return undefined;
  const [accountId, , region, year, month, date, fileName] = rest as [string, string, string, string, string, string, string];
  const day = `${year}/${month}/${date}`;
  if (!DAY_FOLDER.test(day)) return undefined;
  const named = FILE_NAME.exec(fileName);
  const deliveredAtMs = named ? Date.UTC(+named[3]!, +named[4]! - 1, +named[5]!, +named[6]!, +named[7]!) : undefined;
  return {
    prefix: parts.slice(0, at).join("/"),
    ...(orgId ? { orgId } : {}),
    accountId,
    region,
    day,
    fileName,
    ...(deliveredAtMs === undefined ? {} : { deliveredAtMs }),
  };
}

export interface KeyWindow {
  /** Records at or after this time matter. */
  startMs: number;
  /** Records at or before this time matter. */
  endMs: number;
  /** Only these accounts (any when absent or empty). */
  accountIds?: readonly string[];
  /** Only these Regions (any when absent or empty). */
  regions?: readonly string[];
}

/**
 * How long after a record CloudTrail may still deliver it. CloudTrail's documentation says it
 * "typically delivers logs within an average of about 5 minutes of an API call" and that this
 * "time is not guaranteed" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html);
 * a day of slack keeps a late file (and a record from just before midnight in the next day's
 * folder) in scope at the cost of reading one more day.
 */
export const DELIVERY_SLACK_MS = 24 * 60 * 60_000;

/**
 * Could the file under this key hold a record from the window? The day folder is the delivery
 * day, so a record can only sit in that day's folder or a later one (within the slack).
 */
export function keyMayHoldWindow(key: TrailObjectKey, window: KeyWindow): boolean {
  if (window.accountIds?.length && !window.accountIds.includes(key.accountId)) return false;
  if (window.regions?.length && !window.regions.includes(key.region)) return false;
  if (key.deliveredAtMs !== undefined) {
    return key.deliveredAtMs >= window.startMs - 60_000 && key.deliveredAtMs <= window.endMs + DELIVERY_SLACK_MS;
  }
  const first = dayFolder(window.startMs);
  const last = dayFolder(window.endMs + DELIVERY_SLACK_MS);
  return key.day >= first && key.day <= last;
}

/** The day folders (`YYYY/MM/DD`) a window's files can be in — for Athena's partition predicate. */
export function dayFoldersFor(window: Pick<KeyWindow, "startMs" | "endMs">): string[] {
  const days: string[] = [];
  const startDay = Date.UTC(new Date(window.startMs).getUTCFullYear(), new Date(window.startMs).getUTCMonth(), new Date(window.startMs).getUTCDate());
  for (let t = startDay; t <= window.endMs + DELIVERY_SLACK_MS; t += 24 * 60 * 60_000) days.push(dayFolder(t));
  return days;
}
