/** The IAM role behind an assumed-role ARN: arn:aws:sts::1:assumed-role/Name/Session → arn:aws:iam::1:role/Name. */
export function roleArnOf(assumedRoleArn: string): string | undefined {
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(assumedRoleArn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : undefined;
}

/** ASIAXXXXXXXXXXXX1234 → ASIA…1234: enough to match CloudTrail, not enough to use. */
export function maskAccessKeyId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : "…";
}
