"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A box that scrolls sideways when what it holds is wider than the page, instead of the page.
 * While more lies to the right it says so: the edge fades, and a "More columns" button above the
 * box scrolls it on. Only while it overflows is it a named region in the Tab order, so keyboard
 * users can scroll it with the arrow keys (buttons inside may be disabled, hence not focusable).
 * The box is positioned so that absolutely placed descendants (visually hidden status text) are
 * clipped by it rather than stretching the page.
 */
export function SideScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState(false);
  const [moreRight, setMoreRight] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      setOverflow(element.scrollWidth > element.clientWidth + 1);
      setMoreRight(Math.ceil(element.scrollLeft + element.clientWidth) < element.scrollWidth - 1);
    };
    measure();
    element.addEventListener("scroll", measure, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    observer?.observe(element);
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener("scroll", measure);
      observer?.disconnect();
    };
  }, []);

  return (
    <div>
      {overflow && (
        // Kept in the layout when hidden, so reaching the end does not move the table.
        <div className="flex justify-end">
          <button
            type="button"
            data-testid="more-columns"
            onClick={() => box.current?.scrollBy({ left: box.current.clientWidth * 0.8 })}
            className={`mb-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 ${moreRight ? "" : "invisible"}`}
          >
            More columns →
          </button>
        </div>
      )}
      <div className="relative">
        <div ref={box} role={overflow ? "region" : undefined} aria-label={overflow ? `${label}, scrolls sideways` : undefined} tabIndex={overflow ? 0 : undefined} className="relative overflow-x-auto">
          {children}
        </div>
        {moreRight && <div aria-hidden className="pointer-events-none absolute inset-y-0 right-0 w-12 bg-gradient-to-l from-slate-400/40 to-transparent" />}
      </div>
    </div>
  );
}
