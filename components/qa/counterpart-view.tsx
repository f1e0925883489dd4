import Link from "next/link";
import { counterpartLabel, type ReaderCounterpart } from "@/lib/alignment/counterparts";
import { contentLang } from "@/lib/catalog/format";
import { questionText, turnSpeakerName } from "@/lib/catalog/qa";
import { qaPath } from "@/lib/catalog/paths";
import { TurnView } from "./turn-view";

type Turn = ReaderCounterpart["turns"][number];

/** The one-click switch beside an answer: "原文 / Original" or "English", one link per counterpart. */
export function CounterpartLinks({ counterparts }: { counterparts: ReaderCounterpart[] }) {
  if (counterparts.length === 0) return null;
  return (
    <p className="qa-counterparts">
      {counterparts.map((c, i) => (
        <span key={c.publicId}>
          {i ? " · " : ""}
          <Link href={qaPath(c.publicId, questionText(c.turns))} hrefLang={c.language} lang={contentLang(c.language)} data-testid="counterpart-link">
            {counterpartLabel(c.language)}
          </Link>
          {c.confirmed ? null : <span className="muted"> (matched automatically)</span>}
        </span>
      ))}
    </p>
  );
}

/**
 * Both versions next to each other, without script: a <details> the reader opens. Columns on
 * wide screens, one after the other on a phone (qa.css).
 */
export function SideBySide({ answers, lang, counterparts }: { answers: Turn[]; lang: string | undefined; counterparts: ReaderCounterpart[] }) {
  if (counterparts.length === 0) return null;
  const turnView = (t: Turn, language: string | undefined) => (
    <TurnView
      key={t.id}
      prefix={t.kind === "QUESTION" ? "Asked by" : undefined}
      speakerName={turnSpeakerName(t)}
      speakerSlug={t.speaker?.slug ?? null}
      role={t.kind === "ANSWER" ? t.role : null}
      text={t.text}
      lang={language}
    />
  );
  return (
    <details className="qa-side-by-side no-print">
      <summary>Both languages side by side</summary>
      <div className="qa-side-by-side__columns">
        <section aria-label="This version">{answers.map((t) => turnView(t, lang))}</section>
        {counterparts.map((c) => (
          <section key={c.publicId} aria-label={`${counterpartLabel(c.language)} version`}>
            {c.turns.map((t) => turnView(t, contentLang(c.language)))}
          </section>
        ))}
      </div>
    </details>
  );
}
