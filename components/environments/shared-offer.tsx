"use client";

import { useEffect, useState } from "react";
import { ConfigInputError } from "@/lib/config/field-errors";
import type { Environment } from "@/lib/config/environment";
import { newEnvironmentId } from "@/lib/config/environment-store";
import { offeredName } from "@/lib/share/offer-summary";
import { readShareFragment } from "@/lib/share/share-link";
import { OfferDetails } from "./offer-details";

/** When the page was opened from a share link: offers the environment it carries. */
export function SharedOffer({
  takenIds,
  takenNames,
  onAdd,
}: {
  takenIds: string[];
  /** The names already in the Environment switcher: the added one must not repeat one. */
  takenNames: string[];
  onAdd: (environment: Environment) => void;
}) {
  const [offer, setOffer] = useState<Environment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    try {
      setOffer(readShareFragment(window.location.hash));
    } catch (error) {
      const e = error as ConfigInputError;
      setProblem([e.message, ...(e.fieldErrors ?? []).map((f) => f.message)].join(": "));
    }
  }, []);

  const clearFragment = () => history.replaceState(null, "", window.location.pathname + window.location.search);
  if (problem) {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        {problem}
      </p>
    );
  }
  if (!offer) return null;
  return (
    <section aria-label="Shared environment" className="space-y-2 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-slate-900">
      <OfferDetails offer={offer} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => {
            onAdd({
              ...offer,
              id: takenIds.includes(offer.id) ? newEnvironmentId(offer.name, takenIds) : offer.id,
              name: offeredName(offer.name, takenNames),
            });
            setOffer(null);
            clearFragment();
          }}
          className="rounded bg-slate-900 px-3 py-1.5 text-white"
        >
          Add this environment
        </button>
        <button type="button" onClick={() => { setOffer(null); clearFragment(); }} className="rounded border border-slate-300 px-3 py-1.5">
          Dismiss
        </button>
      </div>
    </section>
  );
}
