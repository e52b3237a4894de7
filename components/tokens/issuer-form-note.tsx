import type { IssuerForm } from "@/lib/tokens/issuer";
import { issuerFormNote } from "@/lib/tokens/issuer-form";

/**
 * Which issuer form the signed-in tokens carry (ORIGINAL cognito-idp or UPDATED issuer-cognito-idp)
 * against what the environment declares, and what that means for anything configured with an
 * issuer URL. Nothing is shown for ORIGINAL tokens the environment expects.
 */
export function IssuerFormNote({ iss, expected, declared }: { iss: string | null; expected: readonly string[]; declared: IssuerForm | undefined }) {
  const note = issuerFormNote(iss, expected, declared);
  if (!note) return null;
  const mismatch = note.kind === "mismatch";
  return (
    <p
      role="note"
      aria-label="Issuer form"
      data-issuer-form={note.form}
      data-issuer-note={note.kind}
      className={`rounded border p-3 text-sm ${mismatch ? "border-amber-300 bg-amber-50 text-amber-900" : "border-sky-200 bg-sky-50 text-sky-900"}`}
    >
      <strong>{mismatch ? "Issuer form differs from this environment: " : "UPDATED issuer: "}</strong>
      {note.text}
    </p>
  );
}
