"use client";

import { useState } from "react";

/**
 * For shared machines: removes every token, credential, saved environment and cached key set
 * this dashboard keeps in the browser, then starts over from a clean page.
 */
export function ForgetEverything() {
  const [asked, setAsked] = useState(false);
  async function forget() {
    // Amplify keeps tokens under CognitoIdentityServiceProvider.* and credentials in memory; the
    // dashboard keeps environments in localStorage and JWKS in memory. Clearing this origin's storage
    // and reloading drops all of them.
    window.localStorage.clear();
    window.sessionStorage.clear();
    document.cookie.split(";").forEach((c) => {
      const name = c.split("=")[0]?.trim();
      if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
    });
    window.location.assign("/");
  }
  return (
    <section aria-labelledby="forget-heading" className="space-y-2 rounded border border-red-200 bg-white p-4 text-sm">
      <h2 id="forget-heading" className="font-medium">Forget everything</h2>
      <p className="text-slate-700">Signs out and removes tokens, credentials, your saved environments and cached keys from this browser.</p>
      {asked ? (
        <div className="flex gap-2">
          <button type="button" onClick={() => void forget()} className="rounded bg-red-700 px-3 py-1.5 text-white">Yes, forget everything</button>
          <button type="button" onClick={() => setAsked(false)} className="rounded border border-slate-300 px-3 py-1.5">Cancel</button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsked(true)} className="rounded border border-red-300 px-3 py-1.5 text-red-800">Forget everything…</button>
      )}
    </section>
  );
}
