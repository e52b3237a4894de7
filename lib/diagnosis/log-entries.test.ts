import { describe, expect, it } from "vitest";
import { looksLikeLog, splitEntries } from "./log-entries";

/** Where each entry starts and ends, as 1-based line numbers. */
const spans = (text: string) => splitEntries(text).map((e) => [e.startLine, e.endLine]);

describe("splitEntries", () => {
  it("keeps a Node stack trace, and the exception line under a record line, with its record", () => {
    const log = [
      "2025-02-24T14:15:12Z INFO request started",
      "2025-02-24T14:15:13Z ERROR Sign-in refresh failed",
      "NotAuthorizedException: Invalid login token. Token expired: 1667365798 >= 1667235770",
      "    at de_NotAuthorizedExceptionRes (index.js:1023:21)",
      "    at async getCredentialsForIdentity (auth.js:88:12)",
      "2025-02-24T14:15:14Z INFO next request",
    ].join("\n");
    expect(spans(log)).toEqual([[1, 1], [2, 5], [6, 6]]);
  });

  it("keeps a Python traceback down to its exception line, chained tracebacks included, on bare CLI output", () => {
    const log = [
      "$ python app.py",
      "Traceback (most recent call last):",
      '  File "app.py", line 3, in <module>',
      "    s3.list_buckets()",
      "KeyError: 'x'",
      "",
      "During handling of the above exception, another exception occurred:",
      "",
      "Traceback (most recent call last):",
      '  File "app.py", line 5, in <module>',
      "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
      "$ aws sts get-caller-identity",
      "Unable to locate credentials. You can configure credentials by running \"aws configure\".",
    ].join("\n");
    expect(spans(log)).toEqual([[1, 1], [2, 11], [12, 12], [13, 13]]);
  });

  it("keeps a multi-line JSON body, closing brace included, with the record that printed it", () => {
    const log = [
      "2025-02-24T14:15:12Z ERROR GetId answered 400:",
      "{",
      '  "__type": "NotAuthorizedException",',
      '  "message": "Token is not from a supported provider of this identity pool."',
      "}",
      "",
      "2025-02-24T14:15:13Z INFO done",
    ].join("\r\n");
    expect(spans(log)).toEqual([[1, 5], [7, 7]]);
  });

  it("takes Lambda's START/END/REPORT lines and one-line JSON as records of their own", () => {
    const log = ["START RequestId: 1 Version: $LATEST", '{"level":"error","msg":"x"}', "END RequestId: 1", "REPORT RequestId: 1\tDuration: 2 ms"].join("\n");
    expect(spans(log)).toEqual([[1, 1], [2, 2], [3, 3], [4, 4]]);
  });

  it("cuts an entry that would never end, so a log without records is not one entry", () => {
    const log = ["2025-02-24T14:15:12Z INFO a", "2025-02-24T14:15:12Z INFO b", ...Array.from({ length: 1000 }, (_, i) => `  continuation ${i}`)].join("\n");
    const entries = splitEntries(log);
    expect(entries.length).toBeGreaterThan(2);
    expect(Math.max(...entries.map((e) => e.endLine - e.startLine + 1))).toBeLessThanOrEqual(400);
    expect(entries.at(-1)?.endLine).toBe(1002);
  });

  it("gives nothing for an empty or blank log", () => {
    expect(splitEntries("")).toEqual([]);
    expect(splitEntries("\n\n  \n")).toEqual([]);
  });
});

describe("looksLikeLog", () => {
  it("tells a log from one pasted failure", () => {
    const trace = ["Error: Signature expired", "    at a (x.js:1:1)", "    at b (x.js:2:2)"].join("\n");
    expect(looksLikeLog(trace)).toBe(false);
    expect(looksLikeLog('{"message":"Claim \'client_id\' value mismatch with configuration."}')).toBe(false);
    const log = ["2025-02-24T14:15:12Z INFO a", "2025-02-24T14:15:13Z ERROR b", "2025-02-24T14:15:14Z INFO c"].join("\n");
    expect(looksLikeLog(log)).toBe(true);
    expect(looksLikeLog(Array.from({ length: 50 }, (_, i) => `line ${i}`).join("\n"))).toBe(true);
  });
});
