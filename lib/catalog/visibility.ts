import type { Prisma } from "@/lib/generated/prisma/client";

// The one definition of "publicly visible", shared by pages, feeds, the sitemap and the API.
export const visiblePairWhere = { status: "PUBLISHED", conference: { status: "PUBLISHED" } } satisfies Prisma.QaPairWhereInput;
export const publishedConferenceWhere = { status: "PUBLISHED" } satisfies Prisma.ConferenceWhereInput;
