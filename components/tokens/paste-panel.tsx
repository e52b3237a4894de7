"use client";

import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { decodeToken, type DecodedToken } from "@/lib/tokens/decode";
import { extractTokens } from "@/lib/tokens/extract";
import { isTokensError } from "@/lib/tokens/errors";
import { useAuthorizerSettings } from "./authorizer-settings";
import { ClaimsTable } from "./claims-table";
import { TokenJson } from "./token-json";
import { ViewTabs } from "./view-tabs";

// Signature checking (jose's verifier, the JWKS cache) loads when Verify is pressed: reading a
// pasted token needs only the decoder.
const VerificationPanel = dynamic(() => import("./verification-panel").then((m) => m.VerificationPanel), {
  loading: () => <p className="text-sm text-slate-500">Loading the verifier…</p>,
});

// The authorizer predictions (every authorizer's rules and AWS's answers) load once a token is
// pasted: an empty page needs none of them.
const AuthorizerPanel = dynamic(() => import("./authorizer-panel").then((m) => m.AuthorizerPanel), {
  loading: () => <p className="text-sm text-slate-500">Loading the authorizer checks…</p>,
});

// The strip at the top: kind, expiry, signature and each authorizer's ✓/✗. It checks the
// signature at once, so it brings the verifier and the authorizers' rules with it.
const StatusStrips = dynamic(() => import("./status-strip").then((m) => m.StatusStrips), {
  loading: () => <p className="text-sm text-slate-500">Checking the token…</p>,
});

const VIEWS = [["claims", "Claims"], ["json", "JSON"]] as const;
type View = (typeof VIEWS)[number][0];

type Entry = { source: string } & ({ token: DecodedToken } | { error: string });

/** Anything larger is a log file, not a request; say so instead of scanning it. */
const MAX_PASTE_CHARS = 512 * 1024;

function read(text: string): Entry[] {
  if (text.length > MAX_PASTE_CHARS) {
    return [{ source: "pasted text", error: `The paste is ${Math.round(text.length / 1024)} KB; paste a token, a header line or one request (up to 512 KB).` }];
  }
  const candidates = extractTokens(text);
  const inputs = candidates.length > 0 ? candidates.map((c) => ({ source: c.source, raw: c.token })) : [{ source: "pasted text", raw: text }];
  return inputs.map(({ source, raw }) => {
    try {
      return { source, token: decodeToken(raw) };
    } catch (error) {
      return { source, error: isTokensError(error) ? error.message : `Unexpected error: ${(error as Error).message}` };
    }
  });
}

/**
 * Paste a JWT, an `Authorization:` line, a curl command or a whole HTTP request. Decoding happens
 * here in the browser and the token never leaves the page; for a Cognito issuer the page fetches
 * the pool's public keys (JWKS) to check the signature at once (use-signature.ts).
 */
export function PastePanel() {
  const [text, setText] = useState("");
  const [clientId, setClientId] = useState("");
  const [verify, setVerify] = useState(false);
  const [view, setView] = useState<View>("claims");
  const entries = useMemo(() => (text.trim() ? read(text) : []), [text]);
  const tokens = entries.flatMap((e) => ("token" in e ? [{ label: labelOf(e.token, e.source), token: e.token }] : []));
  const pair = tokens.slice(0, 2);
  const settings = useAuthorizerSettings(pair);

  return (
    <section aria-labelledby="paste-heading" className="min-w-0 space-y-3">
      <h2 id="paste-heading" className="text-lg font-semibold">
        Paste a token
      </h2>
      <textarea
        aria-label="Token or request"
        value={text}
        onChange={(e) => { setText(e.target.value); setVerify(false); }}
        rows={5}
        spellCheck={false}
        placeholder="eyJraWQiOi…  ·  Authorization: Bearer eyJ…  ·  curl -H 'Authorization: …' …  ·  a whole HTTP request"
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
      />
      <p className="text-xs text-slate-700">
        Decoded in this browser; the token is never sent anywhere. For a Cognito token the page fetches its user pool&apos;s public keys
        (JWKS) to check the signature.
      </p>
      {entries.map((entry, i) =>
        "error" in entry ? (
          <p key={i} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {entry.source}: {entry.error}
          </p>
        ) : null,
      )}
      {pair.length > 0 && (
        <>
          <StatusStrips tokens={pair} settings={settings} />
          <div className="min-w-0">
            <ViewTabs id="paste-view" label="Token view" views={VIEWS} value={view} onChange={setView} />
            <div role="tabpanel" id="paste-view-panel-claims" aria-labelledby="paste-view-tab-claims" hidden={view !== "claims"} className="pt-3">
              <ClaimsTable tokens={pair.length === 2 ? [pair[0]!.token, pair[1]!.token] : [pair[0]!.token]} labels={pair.map((t) => t.label)} />
            </div>
            <div role="tabpanel" id="paste-view-panel-json" aria-labelledby="paste-view-tab-json" hidden={view !== "json"} className="pt-3">
              {view === "json" && <TokenJson tokens={pair} />}
            </div>
          </div>
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <label className="block">
              <span className="mb-1 block text-slate-700">Expected app client id (optional)</span>
              <input value={clientId} onChange={(e) => setClientId(e.target.value)} className="rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
            </label>
            <button type="button" onClick={() => setVerify(true)} className="rounded bg-slate-900 px-3 py-1.5 text-white">
              Verify (fetches the issuer&apos;s JWKS)
            </button>
          </div>
          {verify &&
            pair.map((t) => (
              <VerificationPanel
                key={t.label}
                title={`Verification: ${t.label}`}
                token={t.token}
                expectations={{ issuer: null, clientId: clientId.trim() || null, tokenUse: null }}
              />
            ))}
          <AuthorizerPanel tokens={pair} settings={settings} />
        </>
      )}
    </section>
  );
}

function labelOf(token: DecodedToken, source: string): string {
  const kind = token.tokenUse === "id" ? "ID token" : token.tokenUse === "access" ? "access token" : "token";
  return `${kind} (${source})`;
}
