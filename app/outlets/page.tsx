import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/qa/pair-list";
import { nameLang } from "@/lib/catalog/format";
import { listOutlets } from "@/lib/catalog/outlets";
import { pageParam } from "@/lib/catalog/pair-list";
import { outletPath } from "@/lib/catalog/paths";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Outlets",
  description: "News organizations whose journalists asked questions, by number of questions.",
  alternates: { canonical: "/outlets" },
};

export default async function OutletsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = pageParam((await searchParams).page);
  const { total, items } = await listOutlets(page, 100);
  return (
    <>
      <h1>Outlets</h1>
      <p className="muted">News organizations whose journalists asked questions, most questions first.</p>
      {items.length ? (
        <ul className="card-list">
          {items.map((o) => (
            <li key={o.slug} className="card">
              <Link href={outletPath(o.slug)} lang={nameLang(o.name)}>
                {o.name}
              </Link>{" "}
              <span className="muted">
                {o.questions} {o.questions === 1 ? "question" : "questions"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No outlets yet.</p>
      )}
      <Pager page={page} pageCount={Math.max(1, Math.ceil(total / 100))} basePath="/outlets" />
    </>
  );
}
