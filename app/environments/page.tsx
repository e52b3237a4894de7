import { EnvironmentsView } from "@/components/environments/environments-view";

export default function EnvironmentsPage() {
  return <EnvironmentsView />;
}
