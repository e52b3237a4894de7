/**
 * Whether two IAM role ARNs name the same role. An expected role worked out from
 * sts:GetCallerIdentity (`arn:aws:sts::{account}:assumed-role/{name}/{session}`) never carries the
 * role's path, while CloudTrail's requestParameters.roleArn does
 * (`arn:aws:iam::{account}:role/service-role/{name}`, seed 001) — and role names are unique per
 * account whatever their path, so account + name decide.
 */
export function sameRole(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const left = parts(a);
  const right = parts(b);
  return left !== null && right !== null && left.account === right.account && left.name === right.name;
}

function parts(arn: string): { account: string; name: string } | null {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m ? { account: m[1]!, name: m[2]! } : null;
}
