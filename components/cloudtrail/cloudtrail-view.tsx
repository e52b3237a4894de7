"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useEnvironments } from "@/components/environments/environments-provider";
import { correlate } from "@/lib/cloudtrail/correlate";
import { failureFromFragment } from "@/lib/cloudtrail/fragment";
import type { LookupRequestInput } from "@/lib/cloudtrail/lookup/request-schema";
import { mergeByAccessKey } from "@/lib/cloudtrail/merge-verdicts";
import type { FailedCall } from "@/lib/cloudtrail/types";
import { AthenaSource, type AthenaSettings } from "./athena-source";
import { EventTable } from "./event-table";
import { FailuresPanel, type FailureEntry } from "./failures-panel";
import { clearFailures, useFailures } from "./failures-store";
import { FileLoader } from "./file-loader";
import { LiveLookup, type LiveLookupSettings } from "./live-lookup";
import { PollControl } from "./poll-control";
import { Timeline } from "./timeline";
import { useFileEvents } from "./use-file-events";
import { useLookup } from "./use-lookup";
import { useAthena } from "./use-athena";
import { readLookup, saveLookup } from "./saved-lookup";
import { formatClockTime } from "@/lib/format/time";
import { usePolling } from "./use-polling";
import { VerdictCard } from "./verdict-card";

/**
 * /cloudtrail: was the identity pool's role assumed for each failed call? Failed calls come from the
 * last test-call run, a #at=… link, or the form; events from a live LookupEvents run or a file;
 * verdicts are recomputed whenever either changes.
 */

const keyOf = (f: FailedCall) => `${f.at}|${f.identityId ?? ""}|${f.accessKeyId ?? ""}|${f.label ?? ""}`;

async function accessToken(): Promise<string | undefined> {
  const { fetchAuthSession } = await import("aws-amplify/auth");
  return (await fetchAuthSession()).tokens?.accessToken?.toString();
}

export function CloudTrailView() {
  const { active } = useEnvironments();
  const recorded = useFailures();
  const [linked, setLinked] = useState<FailedCall | null>(null);
  const [manual, setManual] = useState<FailedCall[]>([]);
  const [source, setSource] = useState<"live" | "file" | "athena">("live");
  const [serverMode, setServerMode] = useState(false);
  const [sandboxConfigured, setSandboxConfigured] = useState(false);
  const [lookBackMs, setLookBackMs] = useState(15 * 60_000);
  const [now, setNow] = useState(() => Date.now());
  const lookup = useLookup();
  const environmentId = active?.id;
  /** When the events shown were looked up, if they were kept from an earlier visit; null once looked up here. */
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const file = useFileEvents();
  const athena = useAthena();
  const [athenaLookBackMs, setAthenaLookBackMs] = useState(15 * 60_000);
  const lastSettings = useRef<LiveLookupSettings | null>(null);

  useEffect(() => {
    const read = () => setLinked(failureFromFragment(window.location.hash));
    read();
    window.addEventListener("hashchange", read);
    const clock = setInterval(() => setNow(Date.now()), 15_000);
    void fetch("/api/cloudtrail")
      .then((r) => r.json())
      .then((c: { serverMode?: boolean; sandbox?: boolean }) => {
        setServerMode(c.serverMode === true);
        setSandboxConfigured(c.sandbox === true);
      })
      .catch(() => undefined);
    return () => {
      window.removeEventListener("hashchange", read);
      clearInterval(clock);
    };
  }, []);

  const entries = useMemo(() => {
    const all: FailureEntry[] = [
      ...(linked ? [{ failure: linked, source: "link" as const }] : []),
      ...recorded.failures.map((failure) => ({ failure, source: "test-calls" as const })),
      ...manual.map((failure) => ({ failure, source: "manual" as const })),
    ];
    const seen = new Set<string>();
    return all.filter((e) => !seen.has(keyOf(e.failure)) && seen.add(keyOf(e.failure)));
  }, [linked, recorded, manual]);
  const failures = useMemo(() => entries.map((e) => e.failure), [entries]);

  const defaultRegion = active?.identityPoolId?.split(":")[0] ?? active?.region ?? "us-east-1";
  const endpoint = active?.endpoints.cloudTrail;
  // The sandbox serves Athena beside CloudTrail on its one port (`/athena`); AWS environments use the regional endpoint.
  const athenaEndpoint = active?.source === "sandbox" && endpoint ? endpoint.replace(/\/cloudtrail\/?$/, "/athena") : undefined;

  const runLookup = useCallback(
    async (settings: LiveLookupSettings) => {
      lastSettings.current = settings;
      setLookBackMs(settings.lookBackMinutes * 60_000);
      const times = failures.map((f) => Date.parse(f.at));
      const request: LookupRequestInput = {
        region: settings.region,
        ...(endpoint ? { endpoint } : {}),
        startTime: new Date(Math.min(...times) - settings.lookBackMinutes * 60_000).toISOString(),
        endTime: new Date(Math.max(Date.now(), Math.max(...times) + 60_000)).toISOString(),
        credentials: settings.credentials,
      };
      const token = settings.credentials.mode !== "pasted" ? await accessToken().catch(() => undefined) : undefined;
      setRestoredAt(null);
      const done = await lookup.run(request, token);
      if (done && environmentId) saveLookup(environmentId, { ...done, lookBackMs: settings.lookBackMinutes * 60_000 });
      setNow(Date.now());
    },
    [failures, endpoint, lookup, environmentId],
  );

  const runAthena = useCallback(
    async (settings: AthenaSettings) => {
      setAthenaLookBackMs((settings.lookBackMinutes ?? 15) * 60_000);
      const token = settings.credentials.mode !== "pasted" ? await accessToken().catch(() => undefined) : undefined;
      const pick = ({ at, identityId, identityPoolId, accessKeyId, expectedRoleArn }: FailedCall) => ({ at, ...(identityId ? { identityId } : {}), ...(identityPoolId ? { identityPoolId } : {}), ...(accessKeyId ? { accessKeyId } : {}), ...(expectedRoleArn ? { expectedRoleArn } : {}) });
      await athena.run({ ...settings, ...(athenaEndpoint ? { endpoint: athenaEndpoint } : {}), failures: failures.map(pick) }, token);
      setNow(Date.now());
    },
    [athena, athenaEndpoint, failures],
  );

  // The environment's last look-up, kept for this tab: leaving the page and coming back, or
  // switching environments, shows each one's own events and verdicts again, marked with their time.
  const { restore } = lookup;
  useEffect(() => {
    const saved = environmentId ? readLookup(environmentId) : undefined;
    restore(saved);
    setRestoredAt(saved?.state.at ?? null);
    if (saved) setLookBackMs(saved.lookBackMs);
    lastSettings.current = null;
  }, [environmentId, restore]);

  const hasEvents = source === "live" ? lookup.result !== null : source === "athena" ? athena.result !== null : file.state.status === "done";
  const events = source === "live" ? (lookup.result?.events ?? []) : source === "athena" ? (athena.result?.events ?? []) : file.state.status === "done" ? file.state.result.events : [];
  const verdicts = useMemo(() => {
    if (!hasEvents) return [];
    const coverage = source === "live" ? lookup.result?.coverage : source === "athena" ? athena.result?.coverage : file.state.status === "done" ? (file.state.result.coverage ?? undefined) : undefined;
    const region = source === "live" ? lookup.result?.region : undefined;
    return correlate(failures, events, { now, windowBeforeMs: source === "athena" ? athenaLookBackMs : lookBackMs, ...(region ? { region } : {}), ...(coverage ? { coverage } : {}) });
  }, [hasEvents, source, lookup.result, athena.result, file.state, failures, events, now, lookBackMs, athenaLookBackMs]);

  // Calls signed with one key rest on one event: one card for them, not one per call.
  const groups = useMemo(() => mergeByAccessKey(verdicts), [verdicts]);
  const absent = verdicts.find((v) => v.verdict === "absent");
  const polling = usePolling({ active: source === "live" && absent !== undefined && lookup.state.status !== "running", onTick: () => lastSettings.current && void runLookup(lastSettings.current) });

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold">CloudTrail: was the role assumed?</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          For each failed call, the AssumeRoleWithWebIdentity event that issued (or refused) its credentials. Assumed: the denial is in the role&apos;s permissions. Refused: the trust policy, token or pool configuration. Absent: see what that can mean.
        </p>
        <p className="max-w-3xl rounded border border-sky-200 bg-sky-50 p-2 text-sm text-sky-900" data-note="data-events">
          GetId and GetCredentialsForIdentity are CloudTrail <em>data</em> events: LookupEvents and the console&apos;s Event history never return them. Only a trail or event data store with data events enabled has them: query an organization trail with the Athena source, or look for AssumeRoleWithWebIdentity instead.
        </p>
      </header>
      <FailuresPanel entries={entries} recordedAt={recorded.recordedAt} {...(active?.identityPoolId ? { identityPoolId: active.identityPoolId } : {})} onAdd={(f) => setManual((m) => [...m, f])} onRemove={(e) => (e.source === "link" ? setLinked(null) : setManual((m) => m.filter((f) => f !== e.failure)))} onClearTestCalls={clearFailures} />
      <section aria-labelledby="source-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <h2 id="source-heading" className="text-lg font-semibold">Events</h2>
        <div role="tablist" className="flex gap-2 text-sm">
          {(["live", "athena", "file"] as const).map((s) => (
            <button key={s} type="button" role="tab" aria-selected={source === s} onClick={() => setSource(s)} className={`rounded px-2 py-1 ${source === s ? "bg-slate-900 text-white" : "border border-slate-300"}`}>
              {s === "live" ? "Look up live (LookupEvents)" : s === "athena" ? "Athena (organization trail)" : "Load a file"}
            </button>
          ))}
        </div>
        {source === "live" && restoredAt !== null && (
          <p data-testid="restored-lookup" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900">
            Looked up at <time dateTime={new Date(restoredAt).toISOString()}>{formatClockTime(restoredAt)}</time>, kept from your last visit — look up again for fresh events.
          </p>
        )}
        {source === "live" ? (
          <LiveLookup defaultRegion={defaultRegion} {...(endpoint ? { endpoint } : {})} serverMode={serverMode} sandboxReader={sandboxConfigured && active?.source === "sandbox" && endpoint !== undefined} disabled={failures.length === 0} state={lookup.state} onLookup={(s) => void runLookup(s)} onCancel={lookup.cancel} />
        ) : source === "athena" ? (
          <AthenaSource defaultRegion={defaultRegion} {...(athenaEndpoint ? { endpoint: athenaEndpoint } : {})} serverMode={serverMode} sandboxReader={sandboxConfigured && athenaEndpoint !== undefined} failures={failures} state={athena.state} onRun={(s) => void runAthena(s)} onCancel={athena.cancel} />
        ) : (
          <FileLoader state={file.state} onFile={file.load} onCancel={file.cancel} />
        )}
      </section>
      {hasEvents && <Timeline failures={failures} events={events} verdicts={verdicts} />}
      {hasEvents && (
        <section aria-labelledby="verdicts-heading" className="space-y-3">
          <h2 id="verdicts-heading" className="text-lg font-semibold">Verdicts</h2>
          {absent && source === "live" && <PollControl polling={polling} {...(absent.lookAgainAt ? { lookAgainAt: absent.lookAgainAt } : {})} />}
          {groups.map((g) => <VerdictCard key={keyOf(g.verdict.failure)} group={g} />)}
        </section>
      )}
      {hasEvents && <EventTable events={events} />}
    </div>
  );
}
