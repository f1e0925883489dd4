import { handleAlertRequest } from "@/lib/alerts/api";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleAlertRequest(request);
}
