import type { Metadata } from "next";
import { cache } from "react";
import { notFound, permanentRedirect } from "next/navigation";
import { PairList } from "@/components/qa/pair-list";
import { nameLang } from "@/lib/catalog/format";
import { findOutlet, outletQuestions } from "@/lib/catalog/outlets";
import { otherLabels } from "@/lib/catalog/people";
import { AlsoPrintedAs } from "@/components/people/also-printed-as";
import { listPosition } from "@/lib/catalog/pair-cursor";
import { pageParam } from "@/lib/catalog/pair-list";
import { outletPath } from "@/lib/catalog/paths";
import { decodeSlug, resolveRenamedSlug } from "@/lib/catalog/redirects";
import "../../qa/qa.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (raw: string) => {
  const slug = decodeSlug(raw);
  const outlet = await findOutlet(slug);
  if (outlet) return outlet;
  const renamed = await resolveRenamedSlug("OUTLET", slug);
  if (renamed) permanentRedirect(outletPath(renamed));
  notFound();
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const outlet = await load((await params).slug);
  const page = pageParam((await searchParams).page);
  return {
    title: outlet.name,
    description: `Questions asked by ${outlet.name} at press conferences, and the answers.`,
    alternates: { canonical: page > 1 ? `${outletPath(outlet.slug)}?page=${page}` : outletPath(outlet.slug) },
  };
}

export default async function OutletPage({ params, searchParams }: Props) {
  const outlet = await load((await params).slug);
  const list = await outletQuestions(outlet.id, listPosition(await searchParams));
  return (
    <>
      <h1 lang={nameLang(outlet.name)}>{outlet.name}</h1>
      <AlsoPrintedAs labels={otherLabels(outlet.name, outlet.aliases)} />
      <h2>Questions asked</h2>
      <PairList list={list} basePath={outletPath(outlet.slug)} emptyText={`No published questions from ${outlet.name}.`} />
    </>
  );
}
