"use client";

import { useRef } from "react";

/**
 * Two or more views of the same thing as WAI-ARIA tabs: one tab in the Tab order, arrow keys move
 * between them (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/). Panels are the caller's, named
 * by `${id}-panel-${value}` and labelled by `${id}-tab-${value}`.
 */
export function ViewTabs<V extends string>({ id, label, views, value, onChange }: { id: string; label: string; views: readonly (readonly [V, string])[]; value: V; onChange: (value: V) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (from: number, by: number) => {
    const next = (from + by + views.length) % views.length;
    onChange(views[next]![0]);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="flex gap-1 border-b border-slate-300 text-sm">
      {views.map(([v, name], i) => (
        <button
          key={v}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${id}-tab-${v}`}
          aria-controls={`${id}-panel-${v}`}
          aria-selected={v === value}
          tabIndex={v === value ? 0 : -1}
          onClick={() => onChange(v)}
          onKeyDown={(e) => {
            if (e.key === "ArrowRight") move(i, 1);
            else if (e.key === "ArrowLeft") move(i, -1);
            else return;
            e.preventDefault();
          }}
          className={`-mb-px rounded-t border px-3 py-1 ${v === value ? "border-slate-300 border-b-white bg-white font-medium text-slate-900" : "border-transparent text-slate-700 hover:text-slate-900"}`}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
