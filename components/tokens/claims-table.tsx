"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { explainClaim, explainHeader } from "@/lib/tokens/claims";
import { compareTokens, type CompareRow } from "@/lib/tokens/compare";
import type { DecodedToken } from "@/lib/tokens/decode";
import { formatDuration, formatUtc } from "@/lib/format/time";
import { useNow } from "./use-now";

const TIME_CLAIMS = new Set(["exp", "iat", "nbf", "auth_time"]);

/**
 * Every header field and claim of one or two tokens in one table, each explained in a line of
 * Cognito meaning. With two tokens, claims in only one of them or with different values are
 * highlighted — `aud` only in the ID token, `client_id` only in the access token.
 *
 * On a phone (below Tailwind's `sm`) each claim is a card: name, value(s) labelled by token, then
 * the meaning, each the card's full width, so values wrap in lines and the page never scrolls
 * sideways. The same elements restyled, so the table stays one table for assistive technology.
 */
export function ClaimsTable({ tokens, labels }: { tokens: [DecodedToken] | [DecodedToken, DecodedToken]; labels: string[] }) {
  const now = useNow();
  const [a, b] = tokens;
  const rows: CompareRow[] = b ? compareTokens(a, b) : compareTokens(a, a);
  return (
    <table className="w-full border-collapse bg-white text-sm max-sm:block max-sm:bg-transparent" aria-label="Claims">
      <thead className="max-sm:block">
        <tr className="border-b border-slate-300 text-left text-slate-600 max-sm:flex max-sm:flex-wrap max-sm:gap-2 max-sm:border-0 max-sm:pb-2">
          <th className="p-2 font-medium max-sm:hidden">Field</th>
          {labels.slice(0, tokens.length).map((label, i) => (
            <th key={label} className="p-2 font-medium max-sm:rounded max-sm:[overflow-wrap:anywhere] max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:p-1.5">
              <span className="mr-2">{label}</span>
              <CopyButton value={tokens[i]!.raw} label={`Copy ${label}`} />
            </th>
          ))}
          <th className="p-2 font-medium max-sm:hidden">Meaning</th>
        </tr>
      </thead>
      <tbody className="max-sm:block max-sm:space-y-2">
        {rows.map((row) => {
          const highlighted = b && row.status !== "same";
          const tokenUse = row.status === "onlyB" ? b!.tokenUse : a.tokenUse;
          return (
            <tr
              key={`${row.section}.${row.name}`}
              data-field={`${row.section}.${row.name}`}
              data-compare={b ? row.status : undefined}
              className={`border-b border-slate-100 align-top max-sm:block max-sm:rounded max-sm:border max-sm:border-slate-200 ${highlighted ? (row.status === "different" ? "bg-amber-50" : "bg-sky-50") : "max-sm:bg-white"}`}
            >
              <th scope="row" className="p-2 text-left font-mono font-normal max-sm:block max-sm:[overflow-wrap:anywhere] max-sm:pb-0 max-sm:font-semibold">
                {row.section === "header" ? <span className="text-slate-600">header.</span> : null}
                {row.name}
              </th>
              <ValueCell value={row.a} name={row.name} now={now} label={b ? labels[0] : undefined} />
              {b && <ValueCell value={row.b} name={row.name} now={now} label={labels[1]} />}
              <td className="p-2 text-slate-700 max-sm:block max-sm:pt-0">
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

/** On a phone, a cell of a two-token card names its token (CSS text, so the cell's own text is unchanged). */
const CARD_LABEL = "max-sm:block max-sm:before:block max-sm:before:font-sans max-sm:before:text-slate-700 max-sm:before:content-[attr(data-label)]";

function ValueCell({ value, name, now, label }: { value: string | null; name: string; now: number; label: string | undefined }) {
  if (value === null) return <td data-label={label} className={`p-2 text-slate-600 ${CARD_LABEL}`}>absent</td>;
  const seconds = TIME_CLAIMS.has(name) ? Number(value) : NaN;
  return (
    <td data-label={label} className={`p-2 font-mono text-xs [overflow-wrap:anywhere] ${CARD_LABEL}`}>
      <span data-claim-value className="mr-1">{value}</span>
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
