import CallsView from "@/components/calls/calls-view";

export default function CallsPage() {
  return <CallsView />;
}
