import type { FixStep } from "@/lib/diagnosis/types";
import { InlineCode } from "@/components/ui/inline-code";
import { FixSnippet } from "./fix-snippet";

/** A diagnosis's fix, step by step; the snippets are filled with the environment's ids in the browser. */
export function FixSteps({ steps }: { steps: readonly FixStep[] }) {
  return (
    <ol className="list-decimal space-y-2 pl-5">
      {steps.map((step) => (
        <li key={step.text}>
          <InlineCode text={step.text} />
          {step.snippet && <FixSnippet code={step.snippet.code} />}
        </li>
      ))}
    </ol>
  );
}
