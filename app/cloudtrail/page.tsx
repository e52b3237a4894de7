import { CloudTrailView } from "@/components/cloudtrail/cloudtrail-view";

export default function CloudTrailPage() {
  return <CloudTrailView />;
}
