/**
 * What AWS answered — or, in a prediction, would answer. One shape for the sandbox's error
 * answers, the test calls, the CLI and the diagnosis input. `status` is always an HTTP
 * status; where an outcome (pass, fail, blocked …) is meant, the field is called `outcome`.
 */
export interface AwsAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** AWS's error name: `__type`, `x-amzn-ErrorType`, STS's `<Code>`, AppSync's `errorType`. */
  readonly errorType?: string;
  /** AWS's message, verbatim. */
  readonly message?: string;
  readonly requestId?: string;
  /**
   * Which part of this answer no public source confirms ("wording", "status" …); absent when
   * every part is. The sandbox sends it in a header the dashboard shows.
   */
  readonly unconfirmed?: string;
  /** Where AWS was seen answering this way: a documentation URL or `owner/repo#N`. */
  readonly source?: string;
}

/** An error answer: AWS's error name and message are known (the sandbox's refusals, SigV4's). */
export interface AwsRefusal extends AwsAnswer {
  readonly errorType: string;
  readonly message: string;
}

/**
 * A predicted answer ("Will this token pass?"): the status is null when no source shows which one
 * AWS uses; `confirmed` says whether this exact wording has been observed, `source` where.
 */
export interface AwsPrediction extends Omit<AwsAnswer, "status" | "message" | "source"> {
  readonly status: number | null;
  readonly message: string;
  /**
   * The error type and message the answer's body carries, when the service answers with a typed
   * error (AppSync's `errors[0]`), so a consumer need not read them back out of `message`.
   */
  readonly error?: { readonly errorType: string; readonly message: string };
  readonly confirmed: boolean;
  readonly source: string;
}
