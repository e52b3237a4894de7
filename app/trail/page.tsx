import { ComingSoon } from "@/components/layout/coming-soon";

export default function TrailPage() {
  return (
    <ComingSoon title="CloudTrail">
      Correlates failed calls with the AssumeRoleWithWebIdentity events in CloudTrail (live, or from an exported
      file) to tell whether the identity pool&apos;s role was assumed — and so whether the fault is in the role&apos;s
      trust policy or in its permissions.
    </ComingSoon>
  );
}
