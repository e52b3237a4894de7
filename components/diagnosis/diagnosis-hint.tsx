"use client";

import Link from "next/link";
import type { DiagnoseInput } from "@/lib/diagnosis/types";
import { InlineCode } from "@/components/ui/inline-code";
import { useDiagnosis } from "./use-diagnosis";

/** One line under an error: the likely cause, and where the full explanation and fix are. */
export function DiagnosisHint({ input }: { input: DiagnoseInput | null }) {
  const match = useDiagnosis(input);
  if (!match) return null;
  return (
    <p data-testid="diagnosis-hint" data-diagnosis-id={match.id} className="mt-2 text-sm">
      Likely cause: <strong><InlineCode text={match.title} /></strong>.{" "}
      <Link href={`/diagnose#${match.id}`} className="text-blue-700 underline">
        Explanation and fix
      </Link>
    </p>
  );
}
