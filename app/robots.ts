import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/env";

// Read per request so the sitemap URL follows PRESSROOM_PUBLIC_URL of the running server.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const base = publicBaseUrl();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/editor", "/api/auth", "/admin"] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
