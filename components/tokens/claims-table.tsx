"use client";

import { useEffect, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { explainClaim, explainHeader } from "@/lib/tokens/claims";
import { compareTokens, type CompareRow } from "@/lib/tokens/compare";
import type { DecodedToken } from "@/lib/tokens/decode";
import { formatDuration, formatUtc } from "@/lib/format/time";

const TIME_CLAIMS = new Set(["exp", "iat", "nbf", "auth_time"]);

/**
 * Every header field and claim of one or two tokens in one table, each explained in a line of
 * Cognito meaning. With two tokens, claims in only one of them or with different values are
 * highlighted — `aud` only in the ID token, `client_id` only in the access token.
 */
export function ClaimsTable({ tokens, labels }: { tokens: [DecodedToken] | [DecodedToken, DecodedToken]; labels: string[] }) {
  const now = useNow();
  const [a, b] = tokens;
  const rows: CompareRow[] = b ? compareTokens(a, b) : compareTokens(a, a);
  return (
    <table className="w-full border-collapse bg-white text-sm" aria-label="Claims">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th className="p-2 font-medium">Field</th>
          {labels.slice(0, tokens.length).map((label, i) => (
            <th key={label} className="p-2 font-medium">
              <span className="mr-2">{label}</span>
              <CopyButton value={tokens[i]!.raw} label={`Copy ${label}`} />
            </th>
          ))}
          <th className="p-2 font-medium">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const highlighted = b && row.status !== "same";
          const tokenUse = row.status === "onlyB" ? b!.tokenUse : a.tokenUse;
          return (
            <tr
              key={`${row.section}.${row.name}`}
              data-field={`${row.section}.${row.name}`}
              data-compare={b ? row.status : undefined}
              className={`border-b border-slate-100 align-top ${highlighted ? (row.status === "different" ? "bg-amber-50" : "bg-sky-50") : ""}`}
            >
              <th scope="row" className="p-2 text-left font-mono font-normal">
                {row.section === "header" ? <span className="text-slate-600">header.</span> : null}
                {row.name}
              </th>
              <ValueCell value={row.a} name={row.name} now={now} />
              {b && <ValueCell value={row.b} name={row.name} now={now} />}
              <td className="p-2 text-slate-700">
                {row.section === "header" ? explainHeader(row.name) : explainClaim(row.name, tokenUse, row.status === "onlyB" ? row.b : row.a)}
                {b && row.note && <span className="mt-1 block text-xs text-slate-600">{row.note}</span>}
                {b && (row.status === "onlyA" || row.status === "onlyB") && (
                  <span className="mt-1 block text-xs font-medium text-sky-800">
                    only in the {row.status === "onlyA" ? labels[0] : labels[1]}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ValueCell({ value, name, now }: { value: string | null; name: string; now: number }) {
  if (value === null) return <td className="p-2 text-slate-600">absent</td>;
  const seconds = TIME_CLAIMS.has(name) ? Number(value) : NaN;
  return (
    <td className="break-all p-2 font-mono text-xs">
      <span className="mr-1">{value}</span>
      <CopyButton value={value} label={`Copy ${name}`} />
      {Number.isFinite(seconds) && <TimeNote seconds={seconds} now={now} isExpiry={name === "exp"} />}
    </td>
  );
}

function TimeNote({ seconds, now, isExpiry }: { seconds: number; now: number; isExpiry: boolean }) {
  const delta = Math.round(seconds - now / 1000);
  const relative = delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
  const expired = isExpiry && delta < 0;
  return (
    <span className={`mt-1 block font-sans ${expired ? "font-medium text-red-700" : "text-slate-600"}`}>
      {formatUtc(seconds)} · {new Date(seconds * 1000).toLocaleString()} local · {expired ? `expired ${relative}` : relative}
    </span>
  );
}

/** The current time, ticking once a second, so expiry counts down live. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
