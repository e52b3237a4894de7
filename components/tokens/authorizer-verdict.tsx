import type { AwsPrediction } from "@/lib/tokens/authorizers/result";
import { describeSignature } from "@/lib/tokens/signature-state";
import type { Prediction } from "./authorizer-predict";
import { CONSUMERS } from "./authorizer-settings";
import type { SignatureView } from "./use-signature";

/**
 * The verdict of "Will this token pass?": accept or refuse, EVERY failing check with the answer
 * the service gives for it (and where that answer was seen), the signature's state, and what the
 * verdict did not check or took from the token.
 */
export function AuthorizerVerdict({ prediction, tokenLabel, signature }: { prediction: Prediction; tokenLabel: string; signature: SignatureView }) {
  const { result, consumer } = prediction;
  const pass = result.verdict === "pass";
  const failures = result.failures;
  return (
    <div role="status" data-verdict={result.verdict} className={`space-y-2 rounded p-3 text-sm ${pass ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
      <p>
        <strong>
          The {CONSUMERS[consumer]} would {pass ? "accept" : "refuse"} the {tokenLabel}
        </strong>
        {pass ? "." : failures.length === 1 ? ": 1 check fails." : `: ${failures.length} checks fail.`}
      </p>
      {failures.length > 0 && (
        <>
          <ol className="list-decimal space-y-2 pl-5">
            {failures.map(({ check, response }) => (
              <li key={check.name} data-failure={check.name}>
                <code className="font-semibold">{check.name}</code>
                {response ? <Answer response={response} /> : <span>: {check.message}</span>}
              </li>
            ))}
          </ol>
          {failures.length > 1 && (
            <p className="text-xs">The service stops at the first of these it meets and answers with that one; the others fail next, so fix them all.</p>
          )}
        </>
      )}
      <p data-testid="verdict-signature">{signatureSentence(signature)}</p>
      {prediction.notChecked.length > 0 && (
        <p>Not checked (left empty): {prediction.notChecked.join(", ")}. Fill it in to check what it decides.</p>
      )}
      {prediction.fromToken.length > 0 && (
        <p>
          {prediction.fromToken.join(", ")} filled from the token&apos;s iss: the verdict shows what the token needs configured, not
          whether your authorizer is configured so. Put your authorizer&apos;s value in to check it.
        </p>
      )}
    </div>
  );
}

function Answer({ response }: { response: AwsPrediction }) {
  return (
    <>
      {" "}— answers <strong className="break-words">{response.status ?? ""} {response.message}</strong>
      {response.confirmed ? (
        <span className="block text-xs">AWS&apos;s wording, seen in: {response.source}</span>
      ) : (
        <span className="block text-xs">
          <span className="mr-1 rounded border border-amber-700 px-1 font-semibold text-amber-900">Not confirmed</span>
          No public source shows AWS&apos;s answer for this case; the text describes the refusal, it is not AWS&apos;s wording. {response.source}
        </span>
      )}
    </>
  );
}

function signatureSentence(view: SignatureView): string {
  if (view.state === "checking") return "Signature: checking against the issuer's keys…";
  if (view.state === "not checked") return `Signature not verified (${view.detail}): this prediction covers the claims only and assumes the signature is valid.`;
  return describeSignature(view);
}
