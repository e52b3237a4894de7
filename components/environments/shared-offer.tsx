"use client";

import { useEffect, useState } from "react";
import { ConfigInputError } from "@/lib/config/field-errors";
import type { Environment } from "@/lib/config/environment";
import { newEnvironmentId } from "@/lib/config/environment-store";
import { offeredName, sameEnvironment } from "@/lib/share/offer-summary";
import { readShareFragment } from "@/lib/share/share-link";
import { OfferDetails } from "./offer-details";
import { ShareWelcome } from "./share-welcome";

/**
 * When the page was opened from a share link: a welcome for someone who has never seen the
 * dashboard, and the environment the link carries. Adding it never puts a second identical line
 * in the Environment switcher: an environment already here with the same configuration is
 * selected instead, and an added one whose name is taken is marked "(shared)". Until the
 * environments already here are known, nothing can be added.
 */
export function SharedOffer({
  existing,
  onAdd,
  onUseExisting,
  onSignIn,
}: {
  /** Every environment in the switcher; undefined while they load. */
  existing: readonly Environment[] | undefined;
  onAdd: (environment: Environment) => void;
  onUseExisting: (id: string) => void;
  /** Go to the sign-in page with the environment selected. */
  onSignIn: () => void;
}) {
  const [offer, setOffer] = useState<Environment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<{ name: string; existed: boolean } | null>(null);

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
  if (!offer && !added) return null;

  const repeats = offer && existing ? sameEnvironment(offer, existing) : undefined;

  /** Adds the offer (or selects the one it repeats); false while the environments here are unknown. */
  function take(): boolean {
    if (added) return true;
    if (!offer || !existing) return false;
    if (repeats) {
      onUseExisting(repeats.id);
      setAdded({ name: repeats.name, existed: true });
    } else {
      const takenIds = existing.map((e) => e.id);
      const environment = {
        ...offer,
        id: takenIds.includes(offer.id) ? newEnvironmentId(offer.name, takenIds) : offer.id,
        name: offeredName(offer.name, existing.map((e) => e.name)),
      };
      onAdd(environment);
      setAdded({ name: environment.name, existed: false });
    }
    setOffer(null);
    clearFragment();
    return true;
  }

  return (
    <div className="space-y-3">
      <ShareWelcome
        added={added}
        canSignIn={added !== null || existing !== undefined}
        onSignIn={() => {
          if (take()) onSignIn();
        }}
      />
      {offer && (
        <section aria-label="Shared environment" className="space-y-2 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-slate-900">
          <OfferDetails offer={offer} />
          {repeats && (
            <p data-testid="offer-repeats">
              This browser already has this environment as <strong>{repeats.name}</strong>: adding it selects that one rather than a second copy.
            </p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            {existing ? (
              <button type="button" onClick={take} className="rounded bg-slate-900 px-3 py-1.5 text-white">
                Add this environment
              </button>
            ) : (
              <p role="status" className="text-slate-700">
                Checking the environments already in this browser…
              </p>
            )}
            <button
              type="button"
              onClick={() => {
                setOffer(null);
                setAdded(null);
                clearFragment();
              }}
              className="rounded border border-slate-300 px-3 py-1.5"
            >
              Dismiss
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
