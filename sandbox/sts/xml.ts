import { AppError } from "../../lib/errors";
import type { JsonResult, RawResult } from "../http/types";

/**
 * STS speaks the AWS query protocol: form-encoded requests, XML answers in the
 * 2011-06-15 namespace, every answer ending in the request id. Shapes as in the STS API
 * reference examples; errors as STS sends them (captured in aws-sdk-js#198, mozilla-aws-cli#146):
 *   <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
 *     <Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error>
 *     <RequestId>…</RequestId>
 *   </ErrorResponse>
 */

const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
const CONTENT_TYPE = "text/xml";

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** A nested element tree; string leaves are escaped. Member order is kept, as AWS's is. */
export type XmlNode = string | { [element: string]: XmlNode };

function render(node: XmlNode, indent: string): string {
  if (typeof node === "string") return xmlEscape(node);
  return Object.entries(node)
    .map(([name, child]) =>
      typeof child === "string"
        ? `${indent}<${name}>${xmlEscape(child)}</${name}>`
        : `${indent}<${name}>\n${render(child, `${indent}  `)}\n${indent}</${name}>`,
    )
    .join("\n");
}

export function stsResponse(action: string, result: Record<string, XmlNode>, requestId: string): RawResult {
  const body =
    `<${action}Response xmlns="${STS_NAMESPACE}">\n` +
    `  <${action}Result>\n${render(result, "    ")}\n  </${action}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</${action}Response>\n`;
  return { status: 200, contentType: CONTENT_TYPE, body };
}

/**
 * The same answer as JSON, for a client that sends `Accept: application/json`: aws-iam-authenticator
 * GETs a presigned GetCallerIdentity with that header and reads
 * {"GetCallerIdentityResponse":{"GetCallerIdentityResult":{"Account","Arn","UserId"},
 * "ResponseMetadata":{"RequestId"}}} (kubernetes-sigs/aws-iam-authenticator pkg/token/token.go).
 * Other actions are wrapped the same way: inferred, no capture. Errors stay XML (what STS sends as a
 * JSON error is unconfirmed).
 */
export function stsJsonResponse(action: string, result: Record<string, XmlNode>, requestId: string): JsonResult {
  return {
    status: 200,
    body: { [`${action}Response`]: { [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } } },
  };
}

/** An STS error answer. Code `aws:sts` (lib/errors); STS's own `<Code>` is `errorType`, sent as given. */
export class StsError extends AppError {
  declare readonly code: "aws:sts";
  constructor(
    readonly errorType: string,
    message: string,
    status = 400,
    /** Sender for the caller's mistakes, Receiver for the service's own. */
    readonly fault: "Sender" | "Receiver" = "Sender",
  ) {
    super("aws:sts", message, { status, errorType, message });
  }
}

export function stsErrorResponse(error: StsError, requestId: string): RawResult {
  const body =
    `<ErrorResponse xmlns="${STS_NAMESPACE}">\n` +
    `  <Error>\n    <Type>${error.fault}</Type>\n    <Code>${xmlEscape(error.errorType)}</Code>\n` +
    `    <Message>${xmlEscape(error.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n` +
    `</ErrorResponse>\n`;
  return { status: error.status, contentType: CONTENT_TYPE, body };
}
