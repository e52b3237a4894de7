/** The relay's request envelope; defined in lib because the browser side builds the same shape. */
export { relayEnvelopeSchema, type RelayEnvelope } from "@/lib/http/relay-envelope";
