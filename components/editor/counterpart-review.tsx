"use client";

import { useActionState } from "react";
import { FormMessage } from "./form-message";

export type LinkFormState = { status: "idle" } | { status: "done" | "error"; message: string };

export interface ReviewedLink {
  publicId: string;
  language: string;
  question: string;
  status: string;
  confidence: number;
  confirmed: boolean;
  method: string;
}

type Props = {
  publicId: string;
  links: ReviewedLink[];
  action: (previous: LinkFormState, form: FormData) => Promise<LinkFormState>;
};

/** The aligner's links of one pair, for an editor to confirm, remove, or replace by a pair id. */
export function CounterpartReview({ publicId, links, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <div className="counterpart-review">
      <FormMessage ok={state.status === "done" ? state.message : null} error={state.status === "error" ? state.message : null} />
      {links.length === 0 ? <p className="muted">No version of this pair in another language is linked.</p> : null}
      <ul className="counterpart-review__list">
        {links.map((link) => (
          <li key={link.publicId} data-testid={`counterpart-${link.publicId}`}>
            <a href={`/qa/${link.publicId}`} lang={link.language}>
              {link.publicId}
            </a>{" "}
            <span lang={link.language}>{link.question.slice(0, 140)}</span>{" "}
            <span className="muted">
              ({link.language}, {link.status === "REJECTED" ? "removed" : link.confirmed ? "confirmed" : `matched automatically, confidence ${link.confidence.toFixed(2)}`})
            </span>
            {link.status === "LINKED" ? (
              <form action={formAction} className="nav-inline">
                <input type="hidden" name="pair" value={publicId} />
                <input type="hidden" name="counterpart" value={link.publicId} />
                {link.confirmed ? null : (
                  <button type="submit" name="action" value="confirm" disabled={pending}>
                    Confirm link
                  </button>
                )}
                <button type="submit" name="action" value="remove" disabled={pending}>
                  Remove link
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <form action={formAction} className="editor-form" aria-label="Link to another pair">
        <input type="hidden" name="pair" value={publicId} />
        <input type="hidden" name="action" value="link" />
        <label>
          Link to the pair with id <input name="counterpart" required pattern="[0-9a-z]{8}" size={10} placeholder="8 characters" />
        </label>
        <button type="submit" disabled={pending}>
          Link (replaces its links into that language)
        </button>
      </form>
    </div>
  );
}
