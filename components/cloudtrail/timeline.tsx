import type { FailedCall, TrailEvent, Verdict } from "@/lib/cloudtrail/types";

/**
 * Calls and STS events on one time axis: the failing calls on the upper lane, the
 * AssumeRoleWithWebIdentity events below (green issued, red refused), and the event each verdict
 * rests on ringed. What the verdicts say in words, this shows at a glance: did an assumption
 * happen just before the call, for whom, and did it succeed.
 */

const W = 800;
const H = 150;
const PAD = 40;
const CALLS_Y = 45;
const EVENTS_Y = 100;

const hhmmss = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export function Timeline({ failures, events, verdicts }: { failures: readonly FailedCall[]; events: readonly TrailEvent[]; verdicts: readonly Verdict[] }) {
  const callTimes = failures.map((f) => Date.parse(f.at)).filter(Number.isFinite);
  if (callTimes.length === 0) return null;
  const decisive = new Set(verdicts.flatMap((v) => (v.evidence[0] ? [v.evidence[0].event.eventId] : [])));
  // The axis spans the calls and the 15 minutes before them; events far outside are left out.
  const start = Math.min(...callTimes) - 15 * 60_000;
  const end = Math.max(...callTimes) + 2 * 60_000;
  const shown = events.filter((e) => e.timeMs >= start && e.timeMs <= end).slice(0, 500);
  const x = (ms: number) => PAD + ((ms - start) / (end - start)) * (W - 2 * PAD);
  const ticks = Array.from({ length: 5 }, (_, i) => start + ((end - start) * i) / 4);

  return (
    <figure className="rounded border border-slate-200 bg-white p-2">
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={`Timeline: ${failures.length} failed call(s), ${shown.length} AssumeRoleWithWebIdentity event(s), times in UTC`}>
        <text x={4} y={CALLS_Y + 4} className="fill-slate-500 text-[10px]">calls</text>
        <text x={4} y={EVENTS_Y + 4} className="fill-slate-500 text-[10px]">STS</text>
        <line x1={PAD} x2={W - PAD} y1={H - 25} y2={H - 25} className="stroke-slate-300" />
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={20} y2={H - 22} className="stroke-slate-100" />
            <text x={x(t)} y={H - 10} textAnchor="middle" className="fill-slate-500 text-[10px]">{hhmmss(t)}</text>
          </g>
        ))}
        {failures.map((f, i) => {
          const cx = x(Date.parse(f.at));
          return (
            <g key={`call-${i}`} data-timeline="call">
              <title>{`Failed call ${f.label ?? ""} at ${f.at}`}</title>
              <line x1={cx} x2={cx} y1={CALLS_Y} y2={EVENTS_Y} className="stroke-red-200" strokeDasharray="3 3" />
              <path d={`M ${cx} ${CALLS_Y - 7} L ${cx + 7} ${CALLS_Y} L ${cx} ${CALLS_Y + 7} L ${cx - 7} ${CALLS_Y} Z`} className="fill-red-600" />
            </g>
          );
        })}
        {shown.map((e) => (
          <g key={e.eventId} data-timeline="event" data-outcome={e.errorCode ? "refused" : "issued"}>
            <title>{`${e.eventTime} ${e.errorCode ? `refused (${e.errorCode})` : "issued"} ${e.roleArn ?? ""} for ${e.identityId ?? "?"}`}</title>
            {decisive.has(e.eventId) && <circle cx={x(e.timeMs)} cy={EVENTS_Y} r={10} className="fill-none stroke-slate-900" strokeWidth={2} />}
            <circle cx={x(e.timeMs)} cy={EVENTS_Y} r={5} className={e.errorCode ? "fill-red-500" : "fill-green-600"} />
          </g>
        ))}
      </svg>
      <figcaption className="px-2 text-xs text-slate-500">
        ◆ failed call · <span className="text-green-700">●</span> credentials issued · <span className="text-red-600">●</span> refused · ○ the event a verdict rests on. UTC, 15 minutes before the first call to 2 minutes after the last.
      </figcaption>
    </figure>
  );
}
