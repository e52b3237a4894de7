/**
 * ARNs: parse, build the ones this product checks, and match them the way AWS documents for
 * ArnLike / ArnEquals — the six colon-separated parts compared one by one, each with wildcards, the
 * last part (the resource) keeping any further colons.
 */
import { partsMatch, toParts, type PatternPart } from "./wildcard";

interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, e.g. `apis/abc/types/Query/fields/me`. */
  resource: string;
}

export function parseArn(text: string): Arn | undefined {
  const parts = splitSix(text);
  if (!parts || parts[0] !== "arn") return undefined;
  const [, partition, service, region, account, resource] = parts;
  if (!partition || !service || resource === undefined || resource === "") return undefined;
  return { partition, service, region: region ?? "", account: account ?? "", resource };
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/** The resource AppSync authorises for one field: `…:apis/{apiId}/types/{Type}/fields/{field}`. */
export function appSyncFieldArn(region: string, account: string, apiId: string, type: string, field: string): string {
  return `arn:aws:appsync:${region}:${account}:apis/${apiId}/types/${type}/fields/${field}`;
}

export function appSyncApiArn(region: string, account: string, apiId: string): string {
  return `arn:aws:appsync:${region}:${account}:apis/${apiId}`;
}

/** ArnLike(contextValue, policyValue) on plain strings. */
export function arnLike(value: string, pattern: string): boolean {
  return arnPartsMatch(toParts(pattern), value);
}

/**
 * Matches an ARN against pattern parts (wildcards already tokenised, variables already expanded).
 * A pattern that is not six-part (`*`, `arn:aws:s3:::*` is six; `arn:aws:appsync:*` is not) is
 * compared as a whole string, where `*` may cross colons.
 */
export function arnPartsMatch(pattern: PatternPart[], value: string): boolean {
  const patternSegments = splitParts(pattern);
  const valueSegments = splitSix(value);
  if (!patternSegments || !valueSegments) return partsMatch(pattern, value, false);
  return patternSegments.every((segment, i) => partsMatch(segment, valueSegments[i] ?? "", false));
}

/** `a:b:c:d:e:f:g` → ["a","b","c","d","e","f:g"]; fewer than six parts → undefined. */
function splitSix(text: string): string[] | undefined {
  const out: string[] = [];
  let rest = text;
  for (let i = 0; i < 5; i++) {
    const at = rest.indexOf(":");
    if (at === -1) return undefined;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

/** splitSix for pattern parts: only colons in literal text split; wildcards never do. */
function splitParts(parts: PatternPart[]): PatternPart[][] | undefined {
  const segments: PatternPart[][] = [[]];
  for (const part of parts) {
    if (typeof part !== "string" || segments.length === 6) {
      segments[segments.length - 1]!.push(part);
      continue;
    }
    let rest = part;
    let at = rest.indexOf(":");
    while (at !== -1 && segments.length < 6) {
      if (at > 0) segments[segments.length - 1]!.push(rest.slice(0, at));
      segments.push([]);
      rest = rest.slice(at + 1);
      at = rest.indexOf(":");
    }
    if (rest) segments[segments.length - 1]!.push(rest);
  }
  return segments.length === 6 ? segments : undefined;
}

