import { handleAthenaRequest } from "@/server/cloudtrail/athena-request";

/**
 * The /cloudtrail page's Athena source: POST streams the query's progress and rows as NDJSON.
 * Request schema: lib/cloudtrail/athena/request-schema.ts.
 */
export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleAthenaRequest(request);
}
