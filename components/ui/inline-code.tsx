/**
 * Text that marks commands and identifiers with `backticks` (the diagnosis rules' convention):
 * those spans are shown as code, and the backticks themselves are not shown. An unpaired backtick
 * stays as written.
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] text-slate-900">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
