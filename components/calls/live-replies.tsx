"use client";

import { testCallKeyId, type TestCallMap } from "@/lib/test-calls/types";

/** The agents' streamed replies, growing chunk by chunk as they arrive. */
export function LiveReplies({ replies }: { replies: TestCallMap<string> }) {
  if (replies.size === 0) return null;
  return (
    <section aria-labelledby="replies-heading" className="space-y-2">
      <h2 id="replies-heading" className="font-medium">Streamed replies</h2>
      <ul className="space-y-2">
        {[...replies].map(([key, text]) => (
          <li key={testCallKeyId(key)} className="rounded border border-slate-200 bg-white p-2 text-sm">
            <span className="block text-xs text-slate-500">{key.row} · {key.column}</span>
            <span data-testid={`reply-${testCallKeyId(key)}`} className="whitespace-pre-wrap font-mono text-xs">{text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
