import { handleJwksRequest } from "@/server/jwks/handle-request";

/** A Cognito user pool's JWKS for browsers that cannot fetch it themselves; see server/jwks. */
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleJwksRequest(request);
}
