"use client";

import { useEffect, useState } from "react";

type Blocked = { origin: string; region: string | undefined };

/**
 * When the page's Content-Security-Policy stops a call (an environment in a region the deployment
 * does not list, a custom domain), the browser only says "Failed to fetch". This names what was
 * blocked and what to do; for an AWS region it also remembers the region, so a reload lets it through.
 */
export function CspNotice() {
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  useEffect(() => {
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective !== "connect-src") return;
      let url: URL;
      try {
        url = new URL(event.blockedURI);
      } catch {
        return;
      }
      void import("@/lib/security/regions-cookie").then(({ regionOfAwsHost, regionsCookieAssignment, regionsFromCookie, REGIONS_COOKIE }) => {
        const region = regionOfAwsHost(url.hostname);
        if (region) {
          const current = document.cookie.split("; ").find((c) => c.startsWith(`${REGIONS_COOKIE}=`))?.slice(REGIONS_COOKIE.length + 1);
          document.cookie = regionsCookieAssignment([region, ...regionsFromCookie(current)], window.location.protocol === "https:");
        }
        setBlocked({ origin: url.origin, region });
      });
    };
    document.addEventListener("securitypolicyviolation", onViolation);
    return () => document.removeEventListener("securitypolicyviolation", onViolation);
  }, []);
  if (!blocked) return null;
  return (
    <div role="alert" data-csp-blocked={blocked.origin} className="mx-auto mt-3 flex max-w-6xl flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <span>
        {blocked.region ? (
          <>
            This page&apos;s Content-Security-Policy does not yet allow AWS calls in <strong>{blocked.region}</strong> (it blocked {blocked.origin}). The region is now remembered in this browser: reload to let the calls through.
          </>
        ) : (
          <>
            This page&apos;s Content-Security-Policy blocked a call to {blocked.origin}, which this deployment does not allow. Calls through the server relay still work; the operator can allow the origin with AUTH_DEBUGGER_CONNECT_SRC.
          </>
        )}
      </span>
      <button type="button" onClick={() => window.location.reload()} className="rounded border border-amber-400 bg-white px-2 py-0.5">
        Reload
      </button>
    </div>
  );
}
