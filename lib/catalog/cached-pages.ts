// The public pages served from Next's ISR cache instead of being rendered per request: a Q&A
// page (/qa/{publicId}/{slug}) and a conference page (/conferences/{slug}). proxy.ts gives them
// a CSP without a nonce (one cached copy serves everyone); keep this in step with the pages
// that export `revalidate` (app/qa/[publicId]/[slug]/page.tsx, app/conferences/[slug]/page.tsx).
const CACHED_PAGE = /^\/(?:qa\/[^/]+\/[^/]+|conferences\/[^/]+)\/?$/;

export function isCachedPublicPage(pathname: string): boolean {
  return CACHED_PAGE.test(pathname);
}
