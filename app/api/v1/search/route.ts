import { handleSearchRequest } from "@/lib/search/api";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleSearchRequest(request);
}
