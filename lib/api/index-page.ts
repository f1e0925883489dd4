import { escapeHtml, plainHtmlPage } from "@/lib/catalog/http";
import { openApiDocument } from "./openapi";

type Operation = { summary?: string; description?: string };

/** Every GET endpoint of the OpenAPI document with its summary, in path order. */
export function apiEndpoints(baseUrl: string): { path: string; summary: string }[] {
  const doc = openApiDocument(baseUrl) as { paths: Record<string, { get?: Operation }> };
  return Object.entries(doc.paths)
    .filter(([, item]) => item?.get)
    .map(([path, item]) => ({ path, summary: item.get?.summary ?? "" }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * What a person who opens /api/v1 in a browser sees: what the API is, where its machine-readable
 * description lives, and a few requests to copy. Built from the OpenAPI document, so it lists
 * exactly the endpoints that exist.
 */
export function apiIndexHtml(baseUrl: string): string {
  const endpoints = apiEndpoints(baseUrl);
  const example = (path: string) => `<li><a href="${escapeHtml(path)}"><code>${escapeHtml(path)}</code></a></li>`;
  return plainHtmlPage({
    title: "Read API",
    heading: "Pressroom read API (v1)",
    body: `<p>A free, read-only JSON API over the published archive: search questions and answers, read a pair, a conference or a
whole export. No key is needed. Responses carry <code>Cache-Control</code> and <code>ETag</code>; errors are JSON with a
message (<code>400</code> for a bad parameter, <code>404</code>/<code>410</code> for missing or withdrawn pairs).</p>
<p><strong>Machine-readable description:</strong> <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI 3).</p>
<h2>Endpoints</h2>
<ul>${endpoints.map((e) => `<li><code>GET ${escapeHtml(e.path)}</code>${e.summary ? ` — ${escapeHtml(e.summary)}` : ""}</li>`).join("\n")}</ul>
<h2>Examples</h2>
<ul>
${example("/api/v1/search?q=trade&limit=5")}
${example("/api/v1/search?q=climate&lang=en&sort=newest&facets=speaker,outlet")}
${example("/api/v1/search?q=tariffs&histogram=true&limit=1")}
${example("/api/v1/search/facets?facet=speaker&fq=wang")}
${example("/api/v1/conferences")}
</ul>
<p>From a terminal:</p>
<pre><code>curl -s '${escapeHtml(baseUrl)}/api/v1/search?q=trade&amp;limit=3'</code></pre>
<p>The <a href="/search">search page</a> takes the same parameters: any search there has a “This search as JSON” link.</p>`,
  });
}
