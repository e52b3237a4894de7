import type { FailedCall } from "./types";

/**
 * A failed call carried in a URL fragment, so a "Check CloudTrail" button anywhere can link to
 * /cloudtrail#at=…&identityId=…&roleArn=…&accessKeyId=…&poolId=… . The fragment never reaches a server
 * (no logs, no referrer), which matters because it names an identity and a key id. Only these
 * keys are read; values are length-capped and anything unreadable is dropped, not guessed.
 */

const KEYS = {
  at: "at",
  identityId: "identityId",
  identityPoolId: "poolId",
  accessKeyId: "accessKeyId",
  expectedRoleArn: "roleArn",
  action: "action",
  resource: "resource",
  variant: "variant",
  label: "label",
} as const satisfies Record<Exclude<keyof FailedCall, never>, string>;

const MAX_VALUE = 2048;

export function failureToFragment(failure: FailedCall): string {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(KEYS) as [keyof FailedCall, string][]) {
    const value = failure[field];
    if (value) params.set(key, value);
  }
  return `#${params.toString()}`;
}

/** `/cloudtrail#…` for a failed call. */
export const cloudTrailLink = (failure: FailedCall, base = "/cloudtrail") => `${base}${failureToFragment(failure)}`;

/** The failed call in a fragment (`#at=…` or `at=…`), or null when it has no readable time. */
export function failureFromFragment(fragment: string): FailedCall | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const at = params.get(KEYS.at);
  if (!at || at.length > 64 || !Number.isFinite(Date.parse(at))) return null;
  const failure: FailedCall = { at: new Date(Date.parse(at)).toISOString() };
  for (const [field, key] of Object.entries(KEYS) as [keyof FailedCall, string][]) {
    if (field === "at") continue;
    const value = params.get(key)?.trim();
    if (value && value.length <= MAX_VALUE) failure[field] = value;
  }
  return failure;
}
