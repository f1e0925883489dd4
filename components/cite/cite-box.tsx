import { CITATION_STYLES, type CitationSource } from "@/lib/citations";
import { CitationText } from "./citation-text";

export function CiteBox({ source }: { source: CitationSource }) {
  return (
    <section aria-labelledby="cite-heading" className="cite-box no-print">
      <h2 id="cite-heading">Cite this answer</h2>
      {CITATION_STYLES.map(({ style, label }) => (
        <CitationText key={style} style={style} label={label} source={source} />
      ))}
    </section>
  );
}
