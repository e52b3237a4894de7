import type { JWT } from "aws-amplify/auth";
import { formatUtc } from "@/lib/format/time";
import { Countdown } from "./countdown";

/** Issue and expiry of one token, with a live countdown to expiry. */
export function TokenTimes({ name, token }: { name: string; token: JWT }) {
  const { iat, exp, auth_time: authTime, jti } = token.payload;
  return (
    <section aria-label={name} className="rounded border border-slate-200 bg-white p-4">
      <h3 className="font-medium">{name}</h3>
      <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere]">
        <dt className="text-slate-500">Issued</dt>
        <dd>{typeof iat === "number" ? <LocalTime seconds={iat} /> : "—"}</dd>
        <dt className="text-slate-500">Expires</dt>
        <dd>
          {typeof exp === "number" ? (
            <>
              <LocalTime seconds={exp} /> · <Countdown until={exp * 1000} />
            </>
          ) : (
            "no exp claim"
          )}
        </dd>
        {typeof jti === "string" && (
          <>
            <dt className="text-slate-500">jti</dt>
            <dd>
              <code data-testid="jti">{jti}</code>
            </dd>
          </>
        )}
        {typeof authTime === "number" && (
          <>
            <dt className="text-slate-500">Signed in</dt>
            <dd>
              <LocalTime seconds={authTime} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function LocalTime({ seconds }: { seconds: number }) {
  const date = new Date(seconds * 1000);
  return (
    <time dateTime={date.toISOString()} title={date.toString()}>
      {formatUtc(seconds)} <span className="text-slate-500">({date.toLocaleTimeString()} local)</span>
    </time>
  );
}
