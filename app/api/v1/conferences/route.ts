import { listConferences } from "@/lib/catalog/conference";
import { conferenceIndexQuerySchema, describeZodError } from "@/lib/catalog/conference-query";
import { formatDate } from "@/lib/catalog/format";
import { jsonError, jsonResponse } from "@/lib/catalog/http";
import { conferencePath } from "@/lib/catalog/paths";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

const KNOWN = new Set(["organizer", "year", "language", "page", "limit"]);

export async function GET(request: Request) {
  const searchParams = new URL(request.url).searchParams;
  const unknown = [...searchParams.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length) return jsonError(request, 400, `Unknown parameter: ${unknown.join(", ")}. Allowed: ${[...KNOWN].join(", ")}`);
  const parsed = conferenceIndexQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) return jsonError(request, 400, describeZodError(parsed.error));
  const list = await listConferences(parsed.data);
  const base = publicBaseUrl();
  return jsonResponse(request, {
    total: list.total,
    page: list.page,
    limit: list.limit,
    items: list.items.map((c) => ({
      slug: c.slug,
      url: `${base}${conferencePath(c.slug)}`,
      api: `${base}/api/v1/conferences/${encodeURIComponent(c.slug)}`,
      title: c.title,
      date: c.heldOn ? formatDate(c.heldOn, "iso") : null,
      organizer: c.organizer,
      location: c.location,
      language: c.language,
      pairs: c._count.pairs,
      updatedAt: c.updatedAt.toISOString(),
    })),
  });
}
