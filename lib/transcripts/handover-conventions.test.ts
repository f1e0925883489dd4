// Conventions found on the gaggles, COVID response-team briefings, calls with several officials and
// the dense 2024 briefing added to the tune half in the ninth round (docs/transcripts.md), each on a
// small synthetic exchange in the White House layout.
import { describe, expect, it } from "vitest";
import { isNonAnswer } from "./exchanges";
import type { TranscriptDraft } from "./index";
import { briefing, pairStarts as starts, parsedWhole as parsed } from "./test-support";

/** Who gave each pair's first real answer: not a reporter's, a moderator's or a non-answer (as bench:parser scores it). */
const answerers = (d: TranscriptDraft) => d.pairs.map((p) => p.answers.find((a) => a.role !== "journalist" && a.role !== "moderator" && !isNonAnswer(a.text))?.speaker ?? null);
const LONG =
  "So, tests started shipping yesterday, and we are hearing stories of some already arriving today. The Postal Service is moving incredibly fast, and we will report the numbers next week once this first wave is through.";
const JHA = "DR. JHA:";

describe("hand-over conventions (ninth round)", () => {
  it("an official who passes the question to a colleague has not answered it: the colleague has", () => {
    const d = parsed(
      briefing(
        ["Q", "Hi, thanks. Will there still be a four-month minimum between booster shots?"],
        [JHA, "Okay. Rochelle, you want to start us off? Maybe about that issue of the four-month gap. And then we'll go to Tony after that."],
        ["DR. WALENSKY:", "Yeah. So we will be evaluating these data, whether it is four months or five months or six months, as they come in."],
        ["Q", "Will people be protected against the new variant?"],
        [JHA, `It's a great question. ${LONG}`],
        ["Q", "And what about the quarantine rules for travellers?"],
        [JHA, "Yeah, let me hand — let me hand it over to Dr. Walensky in terms of the CDC guidelines on quarantine and how they're working with state and local officials."],
        ["DR. WALENSKY:", "Thank you for that question. We are working hard with the state and local officials to increase compliance."],
      ),
    );
    expect(starts(d)).toEqual(["Hi, thanks. Will there s", "Will people be protected", "And what about the quara"]);
    expect(d.pairs.map((p) => p.answers.find((a) => a.role === "official")?.speaker)).toEqual(["DR. JHA", "DR. JHA", "DR. JHA"]);
    expect(answerers(d)).toEqual(["DR. WALENSKY", "DR. JHA", "DR. WALENSKY"]);
  });

  it("a title's full stop does not end the sentence: 'Is there anything you would add to that, Dr. Fauci?' asks back", () => {
    expect(isNonAnswer("Is there anything you would add to that, Dr. Fauci?")).toBe(true);
    expect(isNonAnswer("We have shipped every one of the tests already. Dr. Fauci has the details?")).toBe(false);
  });

  it("'Say that last part.' asks the reporter to repeat: the restated question stays in the pair", () => {
    const KJP = "MS. JEAN-PIERRE:";
    const d = parsed(
      briefing(
        ["Q", "Thank you, Karine. Why are tensions escalating on the Korean Peninsula? And is the White House concerned?"],
        [KJP, "Say that last part."],
        ["Q", "The tension growing over there — is the White House concerned about it?"],
        [KJP, "Obviously, we are always going to have concerns, and we are always going to watch closely."],
        ["Q", "Is there a timeline for the funding request?"],
        [KJP, "I would refer you to FEMA."],
      ),
    );
    expect(starts(d)).toEqual(["Thank you, Karine. Why a", "Is there a timeline for "]);
  });

  it("'Can you answer my other questions about…?' reminds of unanswered parts: it stays in the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "Hi. This is Richard Rubin. Why are you not detailing plans for Social Security? And what about the child credit and the extensions?"],
        ["DIRECTOR YOUNG:", "On Social Security, the budget is very clear about what the President stands for: no benefit cuts."],
        ["Q", "Oh, I think — it's Richard Rubin again. I'm unmuted. So, can you answer my other questions about the child credit and the extensions? Thanks."],
        ["DIRECTOR YOUNG:", "Yeah. Sorry about that. The child tax credit is extended to 2025."],
        ["Q", "Hey, good morning. How does the agenda affect long-term growth?"],
        ["CHAIR BERNSTEIN:", "Sure. The long-term growth rate is in the economic assumptions."],
      ),
    );
    expect(starts(d)).toEqual(["Hi. This is Richard Rubi", "Hey, good morning. How d"]);
  });
});
