import { parseArn } from "../iam";

/**
 * Why a Resource pattern misses the ARN a call needs, part by part: "API id oldenv… where the call
 * needs wrongres…", "account 444455556666 where the call needs 111122223333". Only literal parts
 * are compared; a part holding a wildcard or a policy variable is left alone.
 */

const PART_NAMES = ["partition", "service", "region", "account"] as const;

export function resourceDifferences(pattern: string, needed: string): string[] {
  const want = parseArn(needed);
  const have = parseArn(pattern);
  if (!want || !have) return pattern === "*" ? [] : [`'${pattern}' is not an ARN`];
  const out: string[] = [];
  for (const part of PART_NAMES) {
    const value = have[part];
    if (isLiteral(value) && value !== want[part]) out.push(`${part} ${value || "(empty)"} where the call needs ${want[part] || "(empty)"}`);
  }
  const haveSegments = have.resource.split("/");
  const wantSegments = want.resource.split("/");
  for (let i = 0; i < haveSegments.length; i++) {
    const segment = haveSegments[i]!;
    if (!isLiteral(segment)) {
      // `*` matches the rest of the path: nothing after it can be compared segment by segment.
      if (segment.includes("*")) break;
      continue;
    }
    const wanted = wantSegments[i];
    if (wanted === undefined) {
      out.push(`the pattern is longer than the resource the call needs (extra '${haveSegments.slice(i).join("/")}')`);
      break;
    }
    if (segment !== wanted) {
      out.push(`${segmentName(wantSegments, i)} ${segment} where the call needs ${wanted}`);
      break;
    }
    if (i === haveSegments.length - 1 && wantSegments.length > haveSegments.length) {
      out.push(`the pattern stops at '${have.resource}' with no wildcard, so it names the parent, not '${want.resource}'`);
    }
  }
  return out;
}

const isLiteral = (value: string) => !/[*?]|\$\{/.test(value);

/** `apis/{apiId}/types/{type}/fields/{field}` and `runtime/{id}/runtime-endpoint/{name}`: name the segment after its keyword. */
function segmentName(segments: string[], index: number): string {
  const before = segments[index - 1];
  const names: Record<string, string> = {
    apis: "API id",
    types: "type",
    fields: "field",
    runtime: "runtime id",
    "runtime-endpoint": "endpoint",
    gateway: "gateway id",
  };
  return (before && names[before]) ?? `resource segment ${index + 1}`;
}
