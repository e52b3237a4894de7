/**
 * A URL as it may be shown or copied: presigned SigV4 parameters (lib/sigv4's rule), the AppSync
 * realtime `?header=`, tokens in the query or fragment (`#id_token=…`), and a password in the
 * user-info part are redacted; host, path and every other parameter stay as they were.
 */
import { redactSignedUrl } from "../sigv4/redact";
import { redactText } from "./text";

export function redactUrl(url: string | URL): string {
  return redactText(redactSignedUrl(String(url)));
}
