/**
 * The local sandbox answers like AWS, but where no public source shows AWS's exact words for a
 * case, its text is a description, not AWS's wording. It says so in this response header (AWS
 * never sends it), so the dashboard can label that answer "not confirmed" instead of letting a
 * user quote it as AWS's.
 */
export const UNCONFIRMED_WORDING_HEADER = "x-sandbox-unconfirmed";

/** What the sandbox said was unconfirmed about this answer, or undefined for a confirmed one. */
export function unconfirmedWording(headers: Readonly<Record<string, string>>): string | undefined {
  const value = headers[UNCONFIRMED_WORDING_HEADER];
  return value ? value : undefined;
}
