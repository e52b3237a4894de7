import { TrailView } from "@/components/cloudtrail/cloudtrail-view";

export default function TrailPage() {
  return <TrailView />;
}
