"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/format/time";

/** "in 59 min 58 s" / "expired 3 s ago", updated every second. */
export function Countdown({ until }: { until: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.round((until - now) / 1000);
  const tone = seconds < 0 ? "font-medium text-red-700" : seconds < 300 ? "text-amber-700" : "";
  return (
    <span className={tone} data-testid="countdown">
      {seconds >= 0 ? `expires in ${formatDuration(seconds)}` : `expired ${formatDuration(-seconds)} ago`}
    </span>
  );
}
