/**
 * Error texts from AWS can quote what was sent: SignatureDoesNotMatch spells out the canonical
 * request, session token header included. Before any message leaves the server it loses every
 * secret the caller gave and anything shaped like a key, token or signature, and is capped.
 */
import "server-only";

const SHAPES: RegExp[] = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g, // access key ids
  /IQoJ[A-Za-z0-9+/=]{20,}/g, // session tokens
  /\b[A-Fa-f0-9]{64}\b/g, // signatures and payload hashes
  /[A-Za-z0-9+/]{40,}={0,2}/g, // long base64 (secrets, tokens)
];

export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = [], max = 500): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 8) out = out.split(secret).join("[redacted]");
  for (const shape of SHAPES) out = out.replace(shape, "[redacted]");
  return out.length > max ? `${out.slice(0, max)}…` : out;
}
