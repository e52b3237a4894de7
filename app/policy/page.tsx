import PolicyView from "@/components/policy/policy-view";

export default function PolicyPage() {
  return <PolicyView />;
}
