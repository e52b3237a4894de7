import DiagnoseView from "@/components/diagnosis/diagnose-view";

export default function DiagnosePage() {
  return <DiagnoseView />;
}
