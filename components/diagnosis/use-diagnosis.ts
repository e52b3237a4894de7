"use client";

import { useEffect, useState } from "react";
import type { DiagnoseInput, Match } from "@/lib/diagnosis/types";

/**
 * The best-fitting known failure for an error shown on a page. The knowledge base loads on
 * demand, so pages pay for it only when something has actually failed.
 */
export function useDiagnosis(input: DiagnoseInput | null): Match | undefined {
  const [match, setMatch] = useState<Match | undefined>();
  const key = input ? JSON.stringify(input) : "";
  useEffect(() => {
    if (!input) return setMatch(undefined);
    let current = true;
    void import("@/lib/diagnosis/engine").then(({ diagnose }) => {
      if (current) setMatch(diagnose(input)[0]);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for input
  }, [key]);
  return match;
}
