"use client";

/** The agents' streamed replies, growing chunk by chunk as they arrive. */
export function LiveReplies({ replies }: { replies: Record<string, string> }) {
  const entries = Object.entries(replies);
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="replies-heading" className="space-y-2">
      <h2 id="replies-heading" className="font-medium">Streamed replies</h2>
      <ul className="space-y-2">
        {entries.map(([key, text]) => (
          <li key={key} className="rounded border border-slate-200 bg-white p-2 text-sm">
            <span className="block text-xs text-slate-500">{key.replace("|", " · ")}</span>
            <span data-testid={`reply-${key}`} className="whitespace-pre-wrap font-mono text-xs">{text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
