import type { Metadata } from "next";
import { cache } from "react";
import { httpUrlOrNull } from "@/lib/urls/http-url";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { CiteBox } from "@/components/cite/cite-box";
import { CopyButton } from "@/components/cite/copy-button";
import { TurnView } from "@/components/qa/turn-view";
import { EditLink } from "@/components/qa/edit-link";
import { RelatedPairs } from "@/components/qa/related-pairs";
import { CorrectionNotes } from "@/components/qa/correction-notes";
import { CounterpartLinks, SideBySide } from "@/components/qa/counterpart-view";
import { readerCounterparts } from "@/lib/alignment/counterparts";
import { questionText } from "@/lib/catalog/qa";
import { contentLang, formatDate, nameLang, provenanceDate } from "@/lib/catalog/format";
import { turnSpeakerName } from "@/lib/catalog/qa";
import { answerTurns, citationSource, routeQaCached, structuredDataInput } from "@/lib/catalog/qa-view";
import { conferencePath, inContextPath, outletPath, pairTitle, qaPath, topicPath } from "@/lib/catalog/paths";
import { excerpt } from "@/lib/catalog/pair-list";
import { jsonLdScript, qaPageJsonLd } from "@/lib/structured-data/qa-page";
import "../../qa.css";

// Cached and regenerated (ISR), not rendered per request: a Q&A page depends only on its URL.
// No page is built ahead (`next build` has no database); each is rendered on its first visit,
// then served from the cache until an editor's write expires it (app/editor/form-actions.ts)
// or, for writes from outside Next (CLI import), re-rendered once it is an hour old. Its CSP
// has no nonce (proxy.ts, lib/catalog/cached-pages.ts); README "Rendering and security".
export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ publicId: string; slug: string }[]> {
  return [];
}

type Params = { params: Promise<{ publicId: string; slug: string }> };

/** Shared by generateMetadata (hreflang alternates) and the page (switch, side by side). */
const counterpartsCached = cache(readerCounterparts);

async function resolve({ params }: Params) {
  const { publicId, slug } = await params;
  const routing = await routeQaCached(publicId, slug);
  if (routing.kind === "missing") notFound();
  // A withdrawn pair redirects to its bare id, which answers 410 Gone with the reason.
  if (routing.kind === "redirect" || routing.kind === "gone") permanentRedirect(routing.kind === "redirect" ? routing.location : qaPath(routing.publicId));
  return routing.lookup;
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const { pair, question } = await resolve(props);
  const title = pairTitle(question, 90);
  const answers = answerTurns(pair);
  const who = [...new Set(answers.map(turnSpeakerName))].join(", ");
  const description = excerpt(`${who ? `${who}: ` : ""}${answers.map((t) => t.text).join(" ")}`, 200) || pair.conference.title;
  const canonical = qaPath(pair.publicId, question);
  const counterparts = await counterpartsCached(pair.id);
  const languages = Object.fromEntries([[pair.conference.language, canonical], ...counterparts.map((c) => [c.language, qaPath(c.publicId, questionText(c.turns))])]);
  return {
    title,
    description,
    alternates: counterparts.length ? { canonical, languages } : { canonical },
    openGraph: { type: "article", url: canonical, title, description, siteName: "Pressroom", publishedTime: pair.conference.heldOn?.toISOString() },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function QaPage(props: Params) {
  const { pair, question, previous, next } = await resolve(props);
  const conference = pair.conference;
  // A stored URL that is not http(s) is shown as text, never as a link (lib/urls/http-url.ts).
  const sourceUrl = httpUrlOrNull(conference.sourceUrl);
  const provenance = provenanceDate(conference);
  // The page chrome is English; only the conference's own words carry its language.
  const lang = contentLang(conference.language);
  const questionTurns = pair.turns.filter((t) => t.kind === "QUESTION");
  const answers = answerTurns(pair);
  const canonical = qaPath(pair.publicId, question);
  const topics = pair.topics.map((t) => t.topic);
  const counterparts = await counterpartsCached(pair.id);

  return (
    <article className="qa-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(qaPageJsonLd(structuredDataInput(pair, question))) }} />
      <p className="muted qa-page__kicker">
        Question {pair.ordinal} at{" "}
        <Link href={conferencePath(conference.slug)} lang={lang}>
          {conference.title}
        </Link>
        {conference.heldOn ? `, ${formatDate(conference.heldOn)}` : ""}
      </p>
      <h1 lang={lang}>{pairTitle(question, 160)}</h1>
      <EditLink href={`/editor/conferences/${encodeURIComponent(conference.slug)}/transcript#turn-p${pair.id}`} label="Edit this answer" />

      <section aria-labelledby="question-heading" className="qa-page__question">
        <h2 id="question-heading" className="visually-hidden">
          Question
        </h2>
        {questionTurns.map((turn) => (
          <TurnView key={turn.id} prefix="Asked by" speakerName={turnSpeakerName(turn)} speakerSlug={turn.speaker?.slug ?? null} role={null} text={turn.text} lang={lang} />
        ))}
        {pair.outlet ? (
          <p className="muted">
            Outlet:{" "}
            <Link href={outletPath(pair.outlet.slug)} lang={nameLang(pair.outlet.name)}>
              {pair.outlet.name}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="answer-heading" className="qa-page__answers">
        <div className="qa-page__answer-heading">
          <h2 id="answer-heading">{answers.length === 1 ? "Answer" : answers.length ? "Answers" : "No recorded answer"}</h2>
          <CounterpartLinks counterparts={counterparts} />
        </div>
        {answers.map((turn) => (
          <TurnView key={turn.id} speakerName={turnSpeakerName(turn)} speakerSlug={turn.speaker?.slug ?? null} role={turn.role} text={turn.text} lang={lang} />
        ))}
        <SideBySide answers={[...questionTurns, ...answers]} lang={lang} counterparts={counterparts} />
      </section>

      <nav aria-label="This answer in its conference" className="qa-page__nav no-print">
        <ul>
          <li>
            <Link href={inContextPath(conference.slug, pair.publicId)}>Read in context</Link>
          </li>
          {previous ? (
            <li>
              <Link href={qaPath(previous.publicId, previous.question)} rel="prev">
                ← Previous question ({previous.ordinal})
              </Link>
            </li>
          ) : null}
          {next ? (
            <li>
              <Link href={qaPath(next.publicId, next.question)} rel="next">
                Next question ({next.ordinal}) →
              </Link>
            </li>
          ) : null}
        </ul>
        <CopyButton text={canonical} absolute label="Copy link to this answer" copiedLabel="Link copied" />
      </nav>

      <section aria-labelledby="context-heading">
        <h2 id="context-heading">Conference</h2>
        <dl className="meta-list">
          <dt>Title</dt>
          <dd>
            <Link href={conferencePath(conference.slug)} lang={lang}>
              {conference.title}
            </Link>
          </dd>
          {conference.heldOn ? (
            <>
              <dt>Date</dt>
              <dd>
                <time dateTime={formatDate(conference.heldOn, "iso")}>{formatDate(conference.heldOn)}</time>
              </dd>
            </>
          ) : null}
          {conference.organizer ? (
            <>
              <dt>Organizer</dt>
              <dd lang={nameLang(conference.organizer)}>{conference.organizer}</dd>
            </>
          ) : null}
          {conference.location ? (
            <>
              <dt>Location</dt>
              <dd lang={nameLang(conference.location)}>{conference.location}</dd>
            </>
          ) : null}
          {sourceUrl || conference.sourceName ? (
            <>
              <dt>Source</dt>
              <dd>
                {sourceUrl ? (
                  <a href={sourceUrl} rel="noopener">
                    {conference.sourceName ?? sourceUrl}
                  </a>
                ) : (
                  conference.sourceName
                )}
                <span className="muted">
                  {" "}
                  ({provenance.label} <time dateTime={provenance.date.toISOString()}>{formatDate(provenance.date)}</time>)
                </span>
              </dd>
            </>
          ) : null}
          {topics.length ? (
            <>
              <dt>Topics</dt>
              <dd>
                {topics.map((t, i) => (
                  <span key={t.slug}>
                    {i ? ", " : ""}
                    <Link href={topicPath(t.slug)} lang={nameLang(t.name)}>
                      {t.name}
                    </Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          <dt>Permanent id</dt>
          <dd>
            <code>{pair.publicId}</code>
          </dd>
        </dl>
      </section>

      <CorrectionNotes correctedAt={pair.correctedAt} correctionNote={pair.correctionNote} revisions={pair.revisions} />

      <CiteBox source={citationSource(pair, question)} />

      <RelatedPairs publicId={pair.publicId} question={question} topics={topics.map((t) => t.name)} conferenceSlug={conference.slug} />
    </article>
  );
}
