import type { Environment } from "@/lib/config/environment";
import { endpointOverrides, everyEndpoint, passwordLeavesAws, type OfferedEndpoint } from "@/lib/share/offer-summary";

const PLACE_NOTE: Record<Exclude<OfferedEndpoint["place"], "aws">, string> = {
  outside: "outside AWS",
  amazonaws: "on amazonaws.com, but not AWS's endpoint for a service this dashboard calls (a VPC endpoint, or an API anyone can run there)",
};

/** Everything a shared environment would make the dashboard do, before anyone adds it. */
export function OfferDetails({ offer }: { offer: Environment }) {
  const overrides = endpointOverrides(offer);
  return (
    <>
      <p>
        This link shares the environment <strong>{offer.name}</strong>: {offer.region} · user pool <code>{offer.userPoolId}</code> · app client{" "}
        <code className="break-all">{offer.userPoolClientId}</code>
        {offer.identityPoolId && (
          <>
            {" "}
            · identity pool <code className="break-all">{offer.identityPoolId}</code>
          </>
        )}
        .
      </p>
      <LeavesAws offer={offer} />
      <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="font-medium">Sign-in</dt>
        <dd>
          <code>{offer.signInFlow}</code>
          {offer.signInFlow === "USER_PASSWORD_AUTH"
            ? ": signing in sends your password itself to the user pool endpoint (SRP, the usual flow, does not)"
            : ": SRP, your password itself is not sent"}
        </dd>
        <dt className="font-medium">Endpoints</dt>
        <dd>
          {overrides.length === 0 ? (
            <>none overridden: AWS&apos;s own endpoints for {offer.region}</>
          ) : (
            <ul aria-label="Endpoint overrides" className="space-y-0.5">
              {overrides.map((endpoint) => (
                <EndpointRow key={endpoint.service} endpoint={endpoint} />
              ))}
            </ul>
          )}
        </dd>
        {offer.appSync.length > 0 && (
          <>
            <dt className="font-medium">AppSync</dt>
            <dd>
              <ul aria-label="AppSync APIs" className="space-y-0.5">
                {offer.appSync.map((api) => (
                  <li key={api.name}>
                    AppSync API &quot;{api.name}&quot;: <code className="break-all">{api.url}</code> · {api.defaultAuthMode} ·{" "}
                    {api.apiKey ? <strong>carries its API key</strong> : "no API key"}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {offer.agentCore && (
          <>
            <dt className="font-medium">AgentCore</dt>
            <dd>
              {offer.agentCore.runtimeArn ? (
                <>
                  runtime <code className="break-all">{offer.agentCore.runtimeArn}</code> (qualifier {offer.agentCore.qualifier})
                </>
              ) : (
                "no runtime"
              )}
              {offer.agentCore.gatewayUrl && (
                <>
                  {" "}
                  · gateway <code className="break-all">{offer.agentCore.gatewayUrl}</code>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

function EndpointRow({ endpoint }: { endpoint: OfferedEndpoint }) {
  return (
    <li>
      {endpoint.service} → <code className="break-all">{endpoint.url}</code>
      {endpoint.place !== "aws" && <strong className="text-red-800"> ({PLACE_NOTE[endpoint.place]})</strong>}
    </li>
  );
}

/** The warning: which hosts outside AWS would get requests, tokens, and perhaps the password. */
function LeavesAws({ offer }: { offer: Environment }) {
  const away = everyEndpoint(offer).filter((e) => e.place !== "aws");
  if (away.length === 0) return null;
  const password = passwordLeavesAws(offer);
  return (
    <div role="alert" className="space-y-1 rounded border-2 border-red-700 bg-white p-2 text-red-900">
      <p className="font-semibold">Warning: this environment sends requests outside AWS</p>
      <ul className="list-disc space-y-0.5 pl-5">
        {away.map((endpoint) => (
          <li key={endpoint.service}>
            {endpoint.service}: <code className="break-all">{endpoint.host}</code> — {PLACE_NOTE[endpoint.place as Exclude<OfferedEndpoint["place"], "aws">]}
          </li>
        ))}
      </ul>
      <p>
        The dashboard would send its requests there, and your tokens with them
        {password && (
          <>
            ; and signing in (USER_PASSWORD_AUTH) would send your password itself to <code className="break-all">{password.host}</code>
          </>
        )}
        . Add it only if you know who runs {away.length === 1 ? "this host" : "these hosts"}.
      </p>
    </div>
  );
}
