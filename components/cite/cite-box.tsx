import { CITATION_STYLES, cite, type CitationSource } from "@/lib/citations";
import { CopyButton } from "./copy-button";

export function CiteBox({ source }: { source: CitationSource }) {
  return (
    <section aria-labelledby="cite-heading" className="cite-box no-print">
      <h2 id="cite-heading">Cite this answer</h2>
      {CITATION_STYLES.map(({ style, label }) => {
        const text = cite(style, source);
        const id = `cite-${style}`;
        return (
          <div key={style} className="cite-box__style">
            <h3>{label}</h3>
            <pre id={id} className="cite-box__text">
              {text}
            </pre>
            <CopyButton text={text} label={`Copy ${label}`} copiedLabel={`${label} citation copied`} />
          </div>
        );
      })}
    </section>
  );
}
