import { SessionOverview } from "@/components/session/session-overview";

export default function OverviewPage() {
  return <SessionOverview />;
}
