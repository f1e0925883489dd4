import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/qa/pair-list";
import { nameLang } from "@/lib/catalog/format";
import { pageParam } from "@/lib/catalog/pair-list";
import { personPath } from "@/lib/catalog/paths";
import { listSpeakers } from "@/lib/catalog/people";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "People",
  description: "Officials and spokespeople in the archive, by number of answers.",
  alternates: { canonical: "/people" },
};

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = pageParam((await searchParams).page);
  const { total, items } = await listSpeakers(page, 100);
  return (
    <>
      <h1>People</h1>
      <p className="muted">Everyone who answered at least one question, most answers first.</p>
      {items.length ? (
        <ul className="card-list">
          {items.map((s) => (
            <li key={s.slug} className="card">
              <Link href={personPath(s.slug)} lang={nameLang(s.name)}>
                {s.name}
              </Link>{" "}
              <span className="muted">
                {s.answers} {s.answers === 1 ? "answer" : "answers"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No one yet.</p>
      )}
      <Pager page={page} pageCount={Math.max(1, Math.ceil(total / 100))} basePath="/people" />
    </>
  );
}
