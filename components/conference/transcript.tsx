import Link from "next/link";
import { CopyButton } from "@/components/cite/copy-button";
import { TurnView } from "@/components/qa/turn-view";
import type { TranscriptBlock } from "@/lib/catalog/conference";
import { nameLang } from "@/lib/catalog/format";
import { outletPath, pairAnchor, qaPath, statementAnchor } from "@/lib/catalog/paths";
import { questionText, turnSpeakerName } from "@/lib/catalog/qa";

/** The whole conference in spoken order: statements as they came, then each numbered pair. */
export function Transcript({ blocks, lang }: { blocks: TranscriptBlock[]; lang?: string }) {
  return (
    <div className="transcript">
      {blocks.map((block) => {
        if (block.kind === "statement") {
          const t = block.turn;
          return (
            <div key={`s${t.id}`} id={statementAnchor(t.id)} className="statement">
              <TurnView speakerName={turnSpeakerName(t)} speakerSlug={t.speaker?.slug ?? null} role={t.role} text={t.text} lang={lang} />
            </div>
          );
        }
        const { pair, number, turns } = block;
        const href = qaPath(pair.publicId, questionText(turns));
        return (
          <section key={pair.publicId} id={pairAnchor(pair.publicId)} className="pair" aria-labelledby={`${pairAnchor(pair.publicId)}-h`}>
            <div className="pair__header">
              <h3 id={`${pairAnchor(pair.publicId)}-h`} className="pair__number">
                <Link href={href}>Question {number}</Link>
              </h3>
              {pair.outlet ? (
                <span className="muted">
                  <Link href={outletPath(pair.outlet.slug)} lang={nameLang(pair.outlet.name)}>
                    {pair.outlet.name}
                  </Link>
                </span>
              ) : null}
              <span className="no-print">
                <CopyButton text={href} absolute label={`Copy link to question ${number}`} copiedLabel="Link copied" />
              </span>
            </div>
            {/* A turn keeps its statement anchor inside a pair: an editor may have made a linked statement the question of a new pair. */}
            {turns.map((t) => (
              <TurnView key={t.id} id={statementAnchor(t.id)} speakerName={turnSpeakerName(t)} speakerSlug={t.speaker?.slug ?? null} role={t.role} text={t.text} lang={lang} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
