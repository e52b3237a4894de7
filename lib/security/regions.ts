/**
 * Which AWS regions the page may talk to (CSP `connect-src`), from `AUTH_DEBUGGER_REGIONS`.
 *
 *   unset or empty       DEFAULT_REGIONS
 *   "eu-south-2,…"       exactly those regions
 *   "default,eu-south-2" the defaults plus more
 *   "all" (or "*")       every region, by the broad `https://*.amazonaws.com` pattern — see
 *                        ./connect-sources.ts for what that gives up
 *
 * Entries that are not region names are ignored and reported, never copied into the header.
 */
import { REGION_PATTERN } from "../config/environment";

/**
 * Commercial regions where Cognito user pools, AppSync and most customers are. Kept short on
 * purpose: each region adds about 330 bytes to every page's CSP header.
 */
export const DEFAULT_REGIONS: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
];

type RegionSetting =
  | { mode: "list"; regions: string[]; ignored: string[] }
  | { mode: "all"; ignored: string[] };

export const isRegion = (value: string): boolean => REGION_PATTERN.test(value);

export function parseRegionSetting(raw: string | undefined): RegionSetting {
  const items = (raw ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 0) return { mode: "list", regions: [...DEFAULT_REGIONS], ignored: [] };
  if (items.includes("all") || items.includes("*")) {
    return { mode: "all", ignored: items.filter((item) => item !== "all" && item !== "*" && item !== "default" && !isRegion(item)) };
  }
  const regions: string[] = [];
  const ignored: string[] = [];
  for (const item of items) {
    if (item === "default") regions.push(...DEFAULT_REGIONS);
    else if (isRegion(item)) regions.push(item);
    else ignored.push(item);
  }
  return { mode: "list", regions: unique(regions), ignored };
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
