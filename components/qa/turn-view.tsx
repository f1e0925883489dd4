import Link from "next/link";
import { nameLang } from "@/lib/catalog/format";
import { personPath, roleLabel } from "@/lib/catalog/paths";

export interface TurnViewProps {
  speakerName: string;
  speakerSlug: string | null;
  role: string | null;
  text: string;
  lang?: string;
  prefix?: string;
  /** An anchor for links to this turn's place in a transcript. */
  id?: string;
}

/** One spoken turn: who spoke (linked to their page when known), in what role, and what they said. */
export function TurnView({ speakerName, speakerSlug, role, text, lang, prefix, id }: TurnViewProps) {
  return (
    <div className="turn" id={id}>
      <div>
        {prefix ? <span className="turn__kind">{prefix} </span> : null}
        <span className="turn__speaker" lang={nameLang(speakerName)}>
          {speakerSlug ? <Link href={personPath(speakerSlug)}>{speakerName}</Link> : speakerName}
        </span>
        {role ? <span className="turn__role">{roleLabel(role)}</span> : null}
      </div>
      <p className="turn__text" lang={lang}>
        {text}
      </p>
    </div>
  );
}
