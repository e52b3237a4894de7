/** A route that is planned: says what it will do, so the navigation is honest. */
export function ComingSoon({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">{children}</p>
      <p className="text-sm text-slate-500">Not available yet.</p>
    </div>
  );
}
