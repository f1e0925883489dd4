import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound, permanentRedirect } from "next/navigation";
import { PairList } from "@/components/qa/pair-list";
import { AlsoPrintedAs } from "@/components/people/also-printed-as";
import { YearChart } from "@/components/people/year-chart";
import { contentLang, formatDate, nameLang } from "@/lib/catalog/format";
import { listPosition } from "@/lib/catalog/pair-cursor";
import { pageParam } from "@/lib/catalog/pair-list";
import { conferencePath, personPath, roleLabel, topicPath } from "@/lib/catalog/paths";
import { findSpeaker, otherLabels, speakerAnswers, speakerAnswersPerYear, speakerConferences, speakerTopics } from "@/lib/catalog/people";
import { decodeSlug, resolveRenamedSlug } from "@/lib/catalog/redirects";
import "../../qa/qa.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (raw: string) => {
  const slug = decodeSlug(raw);
  const speaker = await findSpeaker(slug);
  if (speaker) return speaker;
  const renamed = await resolveRenamedSlug("SPEAKER", slug);
  if (renamed) permanentRedirect(personPath(renamed));
  notFound();
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const speaker = await load((await params).slug);
  const page = pageParam((await searchParams).page);
  const canonical = page > 1 ? `${personPath(speaker.slug)}?page=${page}` : personPath(speaker.slug);
  return { title: speaker.name, description: `What ${speaker.name} answered at press conferences, newest first.`, alternates: { canonical } };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const speaker = await load((await params).slug);
  const [answers, years, topics, conferences] = await Promise.all([
    speakerAnswers(speaker.id, listPosition(await searchParams)),
    speakerAnswersPerYear(speaker.id),
    speakerTopics(speaker.id),
    speakerConferences(speaker.id),
  ]);
  return (
    <>
      <h1 lang={nameLang(speaker.name)}>{speaker.name}</h1>
      {speaker.title || speaker.organization ? <p className="muted">{[speaker.title, speaker.organization].filter(Boolean).join(", ")}</p> : null}
      <AlsoPrintedAs labels={otherLabels(speaker.name, speaker.aliases)} />
      {years.length ? (
        <section aria-labelledby="years-heading">
          <h2 id="years-heading">Answers per year</h2>
          <YearChart years={years} label={`Answers by ${speaker.name} per year`} />
        </section>
      ) : null}
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers</h2>
        <PairList list={answers} basePath={personPath(speaker.slug)} emptyText={`${speaker.name} has no published answers.`} />
      </section>
      {topics.length ? (
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading">Topics</h2>
          <ul>
            {topics.map((t) => (
              <li key={t.slug}>
                <Link href={topicPath(t.slug)} lang={nameLang(t.name)}>
                  {t.name}
                </Link>{" "}
                <span className="muted">({t.count})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="conferences-heading">
        <h2 id="conferences-heading">Conferences</h2>
        {conferences.total > conferences.items.length ? (
          <p className="muted">
            The {conferences.items.length} most recent of {conferences.total} conferences.{" "}
            <Link href={`/search?speaker=${encodeURIComponent(speaker.name)}&sort=newest`}>Search all of {speaker.name}’s answers</Link>
          </p>
        ) : null}
        {conferences.items.length ? (
          <ul>
            {conferences.items.map((c) => (
              <li key={c.conference.slug}>
                <Link href={conferencePath(c.conference.slug)} lang={contentLang(c.conference.language)}>
                  {c.conference.title}
                </Link>{" "}
                <span className="muted">{[formatDate(c.conference.heldOn), roleLabel(c.role)].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>None published.</p>
        )}
      </section>
    </>
  );
}
