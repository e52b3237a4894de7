import { SessionOverview } from "@/components/session/session-overview";

export default function OverviewPage() {
  return (
    <div className="space-y-4">
      {/* Rendered on the server, so the page says what it is for before Amplify has loaded. */}
      <p className="max-w-3xl text-sm text-slate-600">
        Sign in to the active environment the way its app does. This page shows the ID and access tokens Cognito issued
        and when they expire, and the AWS credentials and IAM role the identity pool gives them; Tokens, Test calls and
        CloudTrail take it from there.
      </p>
      <SessionOverview />
    </div>
  );
}
