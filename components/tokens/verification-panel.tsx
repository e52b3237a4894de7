"use client";

import { useEffect, useState } from "react";
import { CheckTable } from "@/components/ui/check-table";
import type { DecodedToken } from "@/lib/tokens/decode";
import { jwksUrlFor } from "@/lib/tokens/issuer";
import { keyIssuerFor, verifyToken, type VerifyExpectations, type VerifyResult } from "@/lib/tokens/verify";
import { jwksCache, jwksPath } from "./jwks-client";

/**
 * Runs every verification check (signature, alg, kid, issuer, token_use, client, exp, nbf, iat)
 * and lists them all; a failure never hides the checks after it.
 */
export function VerificationPanel({ token, expectations, title }: { token: DecodedToken; expectations: VerifyExpectations; title: string }) {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `${token.raw}|${JSON.stringify(expectations)}`;

  useEffect(() => {
    let current = true;
    setResult(null);
    setError(null);
    verifyToken(token, expectations, { getJwks: jwksCache.getJwks })
      .then((r) => current && setResult(r))
      .catch((e: Error) => current && setError(`${e.name}: ${e.message}`));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for token + expectations
  }, [key]);

  const issuer = keyIssuerFor(token, expectations.issuer);
  const path = issuer ? jwksPath.get(jwksUrlFor(issuer)) : undefined;
  return (
    <section aria-label={title} className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h3 className="font-medium">
        {title}{" "}
        {result && (
          <span data-testid="verdict" className={`ml-2 rounded px-1.5 py-0.5 text-xs ${result.ok ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}>
            {result.ok ? "valid" : "not valid"}
          </span>
        )}
      </h3>
      {!result && !error && <p className="text-sm text-slate-500">Verifying…</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {result && <CheckTable checks={result.checks} label={`${title} checks`} />}
      {path === "server" && (
        <p className="text-xs text-slate-500">
          The browser could not read the JWKS directly (CORS or network); it was fetched through this dashboard&apos;s server.
        </p>
      )}
    </section>
  );
}
