import { escapeXml } from "@/lib/catalog/atom";
import { publicBaseUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** OpenSearch description: lets browsers add the archive as a search engine. */
export function GET() {
  const base = escapeXml(publicBaseUrl());
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Pressroom</ShortName>
  <Description>Search press conference questions and answers</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Url type="text/html" method="get" template="${base}/search?q={searchTerms}"/>
  <Url type="application/atom+xml" template="${base}/search/feed.xml?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${base}/opensearch.xml"/>
</OpenSearchDescription>
`;
  return new Response(body, { headers: { "Content-Type": "application/opensearchdescription+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
