/**
 * What an AppSync HTTP answer means. AppSync rejects authentication with 401 and an
 * `UnauthorizedException`, but denies individual fields with 200 and `errorType: "Unauthorized"`
 * ("Not Authorized to access X on type Y") — a 200 is not a pass until the errors are read.
 */
interface AppSyncVerdict {
  ok: boolean;
  errorType?: string;
  message?: string;
  /** Data came back, but some fields were denied or failed. */
  partial?: boolean;
}

interface GraphqlBody {
  data?: unknown;
  errors?: { errorType?: string; message?: string }[];
}

export function interpretAppSyncResponse(status: number, bodyText: string, errorTypeHeader?: string | null): AppSyncVerdict {
  let body: GraphqlBody | undefined;
  try {
    body = JSON.parse(bodyText) as GraphqlBody;
  } catch {
    body = undefined;
  }
  const first = body?.errors?.[0];
  const errorType = first?.errorType ?? errorTypeHeader?.split(":")[0] ?? undefined;
  if (status >= 200 && status < 300 && body && !first) return { ok: true };
  if (status >= 200 && status < 300 && first) {
    const hasData = body?.data !== null && body?.data !== undefined && Object.values(body.data as object).some((v) => v !== null);
    return { ok: false, partial: hasData, errorType, message: first.message };
  }
  if (!body) {
    return { ok: false, errorType, message: bodyText.trim().slice(0, 300) || `HTTP ${status} with an empty body` };
  }
  // An entry with an errorType and no message is AppSync's whole answer sometimes
  // (`{"errors":[{"errorType":"BadRequestException"}]}`, aws/aws-cdk#19239): no words to show.
  if (first) return { ok: false, errorType, ...(first.message !== undefined ? { message: first.message } : {}) };
  return { ok: false, errorType, message: `HTTP ${status}` };
}
