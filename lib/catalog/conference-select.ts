/**
 * The conference fields every public page shows as context and provenance (title, date,
 * organizer, place, source and when it was retrieved or imported). Conference and Q&A pages select these
 * and add their own, so the two pages cannot drift apart in what they cite.
 */
export const conferenceContextSelect = {
  id: true,
  slug: true,
  title: true,
  heldOn: true,
  organizer: true,
  location: true,
  language: true,
  sourceUrl: true,
  sourceName: true,
  retrievedAt: true,
  createdAt: true,
  publishedAt: true,
} as const;
