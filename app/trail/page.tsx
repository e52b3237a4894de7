import { TrailView } from "@/components/trail/trail-view";

export default function TrailPage() {
  return <TrailView />;
}
