"use client";

import { useEffect, useRef, useState } from "react";

/**
 * "Look again every minute" while events are not there yet: up to `maxRuns` times, with the
 * seconds left shown. Stops by itself when `active` turns false (the event arrived).
 */

export function usePolling(options: { active: boolean; intervalMs?: number; maxRuns?: number; onTick: () => void }) {
  const interval = options.intervalMs ?? 60_000;
  const maxRuns = options.maxRuns ?? 10;
  const [enabled, setEnabled] = useState(false);
  const [runs, setRuns] = useState(0);
  const [nextAt, setNextAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const tick = useRef(options.onTick);
  useEffect(() => {
    tick.current = options.onTick;
  });

  const running = enabled && options.active && runs < maxRuns;
  useEffect(() => {
    if (!running) {
      setNextAt(null);
      return;
    }
    const due = Date.now() + interval;
    setNextAt(due);
    const clock = setInterval(() => setNow(Date.now()), 1000);
    const timer = setTimeout(() => {
      setRuns((r) => r + 1);
      tick.current();
    }, interval);
    return () => {
      clearTimeout(timer);
      clearInterval(clock);
    };
  }, [running, runs, interval]);

  return {
    enabled,
    runs,
    maxRuns,
    secondsLeft: nextAt === null ? null : Math.max(0, Math.ceil((nextAt - now) / 1000)),
    start: () => {
      setRuns(0);
      setEnabled(true);
    },
    stop: () => setEnabled(false),
  };
}
