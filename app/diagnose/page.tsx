import { DiagnoseInputPanel } from "@/components/diagnosis/diagnose-input";
import { DiagnosisCard } from "@/components/diagnosis/diagnosis-card";
import { RULES } from "@/lib/diagnosis/rules";

// The knowledge base is rendered on the server: its text arrives as HTML, and only the matcher
// (loaded when someone types) is JavaScript.
export default function DiagnosePage() {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Diagnose an error</h1>
      <DiagnoseInputPanel ruleCount={RULES.length} />
      <section aria-labelledby="kb-heading" className="space-y-3">
        <h2 id="kb-heading" className="text-lg font-semibold">Every known failure ({RULES.length})</h2>
        {RULES.map((rule) => (
          <DiagnosisCard key={rule.id} rule={rule} />
        ))}
      </section>
    </div>
  );
}
