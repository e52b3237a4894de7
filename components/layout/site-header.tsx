"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEnvironments } from "@/components/environments/environments-provider";

const NAV = [
  { href: "/", label: "Session" },
  { href: "/environments", label: "Environments" },
  { href: "/tokens", label: "Tokens" },
  { href: "/calls", label: "Test calls" },
  { href: "/policy", label: "Role check" },
  { href: "/cloudtrail", label: "CloudTrail" },
  { href: "/diagnose", label: "Diagnose" },
] as const;

export function SiteHeader() {
  const pathname = usePathname();
  const { environments, active, selectEnvironment } = useEnvironments();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold text-slate-900">
          Auth Flow Debugger
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
          {NAV.map((item) => {
            const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`rounded px-2 py-1 ${current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <label className="ml-auto flex items-center gap-2 text-sm text-slate-600">
          Environment
          <select
            aria-label="Active environment"
            className="max-w-64 rounded border border-slate-300 bg-white px-2 py-1 text-slate-900"
            value={active?.id ?? ""}
            onChange={(event) => selectEnvironment(event.target.value)}
            disabled={environments.length === 0}
          >
            {environments.length === 0 && <option value="">none yet</option>}
            {environments.map((environment) => (
              <option key={environment.id} value={environment.id}>
                {environment.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
