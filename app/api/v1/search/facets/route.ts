import { handleFacetSearchRequest } from "@/lib/search/api";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleFacetSearchRequest(request);
}
