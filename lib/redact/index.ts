/**
 * lib/redact: the one redaction used for reports, copied command lines, cell details and logs.
 * What survives: JWT header and claims, access key ids and API keys shortened to their last 4,
 * SigV4 scope and signed headers. What never does: signatures, secret keys, session tokens,
 * refresh tokens/JWEs, passwords, opaque bearer tokens.
 */
export { redactText, redactJson, redactHeaders } from "./text";
export { redactUrl } from "./url";
export {
  REDACTED,
} from "./values";
