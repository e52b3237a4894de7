/**
 * What the browser posts to the relay: the request exactly as it must reach AWS. Shared by the
 * route (which validates it) and the browser side (which builds it), so it lives in lib; the
 * route's sibling `schema.ts` re-exports it.
 */
import { z } from "zod";

/** RFC 9110 token; anything else could not have been signed or sent by a browser anyway. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** No CR, LF or NUL: header injection is refused before `Headers` would throw (with the value). */
const HEADER_VALUE = /^[^\r\n\0]*$/;
/**
 * A header value is a ByteString (Fetch standard, "header value"; WebIDL ByteString): no
 * character above U+00FF. `Headers` throws a TypeError for one, which must not surface as a
 * network failure of the endpoint.
 */
const BYTE_STRING = /^[\u0000-\u00ff]*$/;
const MAX_HEADERS = 100;

export const relayEnvelopeSchema = z
  .strictObject({
    method: z.enum(["GET", "POST"], { error: "method must be GET or POST" }),
    url: z.string({ error: "url must be a string" }).min(1, "url is empty").max(8192, "url is longer than 8192 characters"),
    headers: z
      .record(
        z.string().regex(HEADER_NAME, "not a valid header name"),
        z.string({ error: "header values must be strings" }).max(16384, "header value too long").regex(HEADER_VALUE, "header values cannot contain line breaks")
          .regex(BYTE_STRING, "header values may only hold characters up to U+00FF (a ByteString); encode anything else"),
        { error: (issue) => (issue.code === "invalid_key" ? "not a valid header name" : "headers must be an object of strings") },
      )
      .refine((headers) => Object.keys(headers).length <= MAX_HEADERS, `at most ${MAX_HEADERS} headers`)
      .default({}),
    body: z.string({ error: "body must be a string" }).optional(),
  })
  .refine((envelope) => envelope.method === "POST" || envelope.body === undefined, {
    message: "a GET request cannot carry a body",
    path: ["body"],
  });

export type RelayEnvelope = z.infer<typeof relayEnvelopeSchema>;
