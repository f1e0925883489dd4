import type { Metadata } from "next";
import { httpUrlOrNull } from "@/lib/urls/http-url";
import Link from "next/link";
import { cache } from "react";
import { notFound, permanentRedirect } from "next/navigation";
import { Transcript } from "@/components/conference/transcript";
import { EditLink } from "@/components/qa/edit-link";
import { findPublishedConferenceHeader, withTranscript } from "@/lib/catalog/conference";
import { formatDate, provenanceDate } from "@/lib/catalog/format";
import { conferencePath, personPath, roleLabel } from "@/lib/catalog/paths";
import { decodeSlug, resolveRenamedSlug } from "@/lib/catalog/redirects";
import { publicBaseUrl } from "@/lib/env";
import { eventJsonLd, jsonLdScript } from "@/lib/structured-data/qa-page";
import "../../qa/qa.css";

// Cached and regenerated like the Q&A page (see the note there): rendered on first visit,
// expired by editor writes, re-rendered after an hour for writes from outside Next.
export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Params = { params: Promise<{ slug: string }> };

const loadHeader = cache(async (raw: string) => {
  const slug = decodeSlug(raw);
  const conference = await findPublishedConferenceHeader(slug);
  if (conference) return conference;
  const renamed = await resolveRenamedSlug("CONFERENCE", slug);
  if (renamed) permanentRedirect(conferencePath(renamed));
  notFound();
});

// Metadata needs only the header. Were it to wait for the transcript like the page does, both
// would resolve together and Next would often stream <meta name=description> into the body
// after a long transcript (seen on real MFA pages: Lighthouse SEO 91) instead of the <head>.
const load = cache(async (raw: string) => withTranscript(await loadHeader(raw)));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const conference = await loadHeader((await params).slug);
  const description = [formatDate(conference.heldOn), conference.organizer, conference.location].filter(Boolean).join(" · ");
  const canonical = conferencePath(conference.slug);
  return {
    title: conference.title,
    description: `Full transcript, question by question. ${description}`,
    alternates: {
      canonical,
      ...(conference.translation ? { languages: { [conference.translation.language]: conferencePath(conference.translation.slug) } } : {}),
    },
    openGraph: { type: "article", url: canonical, title: conference.title, description },
    twitter: { card: "summary", title: conference.title, description },
  };
}

export default async function ConferencePage({ params }: Params) {
  const conference = await load((await params).slug);
  // A stored URL that is not http(s) is shown as text, never as a link (lib/urls/http-url.ts).
  const sourceUrl = httpUrlOrNull(conference.sourceUrl);
  const lang = conference.language === "en" ? undefined : conference.language;
  const pairs = conference.transcript.filter((b) => b.kind === "pair").length;
  const roleOrder = ["MODERATOR", "OFFICIAL", "INTERPRETER", "JOURNALIST", "OTHER"];
  const participants = [...conference.participants].sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.speaker.name.localeCompare(b.speaker.name));
  const translation = conference.translation;
  const provenance = provenanceDate(conference);
  const event = eventJsonLd({ ...conference, url: `${publicBaseUrl()}${conferencePath(conference.slug)}` });

  return (
    <article className="conference-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript({ "@context": "https://schema.org", ...event }) }} />
      <h1 lang={lang}>{conference.title}</h1>
      <EditLink href={`/editor/conferences/${encodeURIComponent(conference.slug)}/transcript`} label="Edit this transcript" />
      <p className="muted">
        {[formatDate(conference.heldOn), conference.organizer, conference.location, `${pairs} ${pairs === 1 ? "question" : "questions"}`].filter(Boolean).join(" · ")}
      </p>
      {translation ? (
        <p>
          <Link href={conferencePath(translation.slug)} lang={translation.language} hrefLang={translation.language}>
            {translation.language.startsWith("zh") ? "中文版" : translation.language === "en" ? "English" : `Translation (${translation.language})`}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">Participants</h2>
        {participants.length ? (
          <ul className="participants">
            {participants.map((p) => (
              <li key={p.speaker.slug}>
                <Link href={personPath(p.speaker.slug)} lang={lang}>
                  {p.speaker.name}
                </Link>{" "}
                <span className="muted">{roleLabel(p.role)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Speakers were not identified in the source.</p>
        )}
      </section>

      {conference.correctionNote || conference.correctedAt ? (
        <section aria-labelledby="corrections-heading" className="corrections">
          <h2 id="corrections-heading">Corrections</h2>
          <p>
            {conference.correctedAt ? `${formatDate(conference.correctedAt)}: ` : ""}
            {conference.correctionNote ?? "Corrected after publication."}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="transcript-heading">
        <h2 id="transcript-heading">Transcript</h2>
        <Transcript blocks={conference.transcript} lang={lang} />
      </section>

      <section aria-labelledby="provenance-heading">
        <h2 id="provenance-heading">Source</h2>
        <dl className="meta-list">
          {sourceUrl ? (
            <>
              <dt>Source</dt>
              <dd>
                <a href={sourceUrl} rel="noopener">
                  {conference.sourceName ?? sourceUrl}
                </a>
              </dd>
            </>
          ) : conference.sourceName ? (
            <>
              <dt>Source</dt>
              <dd>{conference.sourceName}</dd>
            </>
          ) : null}
          <dt>{provenance.label === "retrieved" ? "Retrieved" : "Imported"}</dt>
          <dd>
            <time dateTime={provenance.date.toISOString()}>{formatDate(provenance.date)}</time>
          </dd>
          {conference.sourceSha256 ? (
            <>
              <dt>SHA-256 of source text</dt>
              <dd>
                <code className="hash">{conference.sourceSha256}</code>
              </dd>
            </>
          ) : null}
          {conference.publishedAt ? (
            <>
              <dt>Published here</dt>
              <dd>{formatDate(conference.publishedAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </article>
  );
}
