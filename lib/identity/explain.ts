/**
 * What an identity-pool failure usually means, in one line, for the credentials panel. The
 * diagnosis knowledge base gives the full story; this is the headline next to AWS's own words.
 */
const MEANINGS: { match: RegExp; meaning: string }[] = [
  {
    match: /InvalidIdentityPoolConfigurationException/,
    meaning:
      "Cognito could not assume the pool's role: no role is assigned, or the role's trust policy does not name this identity pool (cognito-identity.amazonaws.com:aud) or allows only another amr.",
  },
  { match: /Token is not from a supported provider/, meaning: "The identity pool does not list this user pool and app client as an authentication provider, or the Logins key names another pool." },
  { match: /Invalid login token/i, meaning: "The ID token in Logins was refused: expired, signed by another pool, or not an ID token (identity pools take the ID token, not the access token)." },
  { match: /Unauthenticated access is not supported/, meaning: "No token reached the identity pool, and it does not allow guest identities." },
  { match: /AccessDenied|Not authorized to perform sts:AssumeRoleWithWebIdentity/, meaning: "STS refused the role: its trust policy does not allow this identity pool or amr." },
  { match: /ResourceNotFoundException/, meaning: "No identity pool with this id in this region." },
];

export function explainIdentityError(code: string, message: string): string | undefined {
  const text = `${code} ${message}`;
  return MEANINGS.find((m) => m.match.test(text))?.meaning;
}

/** The IAM role behind an assumed-role ARN: arn:aws:sts::1:assumed-role/Name/Session → arn:aws:iam::1:role/Name. */
export function roleArnOf(assumedRoleArn: string): string | undefined {
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(assumedRoleArn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : undefined;
}

/** ASIAXXXXXXXXXXXX1234 → ASIA…1234: enough to match CloudTrail, not enough to use. */
export function maskAccessKeyId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : "…";
}
