/** The lookup request's schema lives in lib (the page builds the same request). */
export { lookupRequestSchema, type LookupRequest, type LookupRequestInput } from "@/lib/cloudtrail/lookup/request-schema";
