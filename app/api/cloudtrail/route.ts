import { handleLookupRequest, lookupCapabilities } from "@/server/cloudtrail/handle-request";

/**
 * CloudTrail LookupEvents for the /cloudtrail page: GET says what this deployment offers (server
 * credentials or not), POST streams the lookup as NDJSON. Request schema: lib/cloudtrail/lookup/request-schema.ts.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(lookupCapabilities(), { headers: { "cache-control": "no-store" } });
}

export function POST(request: Request) {
  return handleLookupRequest(request);
}
