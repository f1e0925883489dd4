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

describe("hand-over and cross-talk conventions (ninth round)", () => {
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

  it("a remark before the opening statement is procedural when the statement ends by giving the floor", () => {
    const KJP = "MS. JEAN-PIERRE:";
    const d = parsed(
      briefing(
        ["Q", "Good afternoon."],
        [KJP, "Oh, it's chilly in here."],
        ["Q", "(Inaudible.)"],
        [
          KJP,
          "I'm hearing comments in the back, but okay. So, the recovery efforts continue to deliver for the families affected by the storms. Tomorrow the President travels to Berlin. With that, Aamer, kick it off to you.",
        ],
        ["Q", "Yeah. On the Germany trip tomorrow. When will he be coming back?"],
        [KJP, "We will have more details on the trip in the next several hours."],
      ),
    );
    expect(starts(d)).toEqual(["Yeah. On the Germany tri"]);
    expect(d.statements.map((s) => s.text.slice(0, 12))).toEqual(["Good afterno", "Oh, it's chi", "(Inaudible.)", "I'm hearing "]);
  });

  it("a short reply to a broken-off question that then moves the floor on ('…for you on this. Go ahead.') answers it", () => {
    const d = parsed(
      briefing(
        ["Q", "Is the Nile Dam a negotiating tactic?"],
        ["MS. PSAKI:", "It sounds like a question for the State Department."],
        ["Q", "Let me ask you this question a different way, Jen. I mean the Nile Dam was an issue that President Trump put in —"],
        ["MS. PSAKI:", "I don't have anything more for you on this. Go ahead."],
        ["Q", "Is the President holding out hope for a bipartisan commission?"],
        ["MS. PSAKI:", "He believes they should continue to move this forward."],
      ),
    );
    expect(starts(d)).toEqual(["Is the Nile Dam a negoti", "Let me ask you this ques", "Is the President holding"]);
  });

  it("a reporter putting right how the official took the question ('I'm not saying now. But…') asks the same question again", () => {
    const d = parsed(
      briefing(
        ["Q", "Is there a go/no-go date on the calendar for a bipartisan deal?"],
        ["MS. PSAKI:", "Why would we do that now? We have a counterproposal and a range of others who want to have a discussion."],
        ["Q", "I'm not saying now. But, like, is it two weeks from now? Is it six weeks from now?"],
        ["MS. PSAKI:", "Our focus is on continuing these discussions through the course of next week."],
        ["Q", "My question is about the vaccine passports, not the database. Where does the administration stand?"],
        ["MS. PSAKI:", "There will be no federal mandate."],
      ),
    );
    expect(starts(d)).toEqual(["Is there a go/no-go date"]);
  });

  it("an echo of a figure the official just gave, confirmed with 'Yeah.', is an interjection", () => {
    const d = parsed(
      briefing(
        ["Q", "Is using the COVID relief funds a nonstarter?"],
        ["MS. PSAKI:", "That would be difficult to be a key funding mechanism: 95 percent of it is already allocated."],
        ["Q", "You are saying 95 percent of the Rescue Plan is allocated already?"],
        ["MS. PSAKI:", "Yeah."],
        ["Q", "Right. Okay."],
        ["MS. PSAKI:", "The COVID funds, which I think is the same thing."],
        ["Q", "You are saying 40 percent of the funds went to states?"],
        ["MS. PSAKI:", "Yeah."],
      ),
    );
    expect(starts(d)).toEqual(["Is using the COVID relie", "You are saying 40 percen"]);
  });

  it("hand-overs in other words, and a turn that only defers, are not the answer; an official who says something of his own has answered", () => {
    expect(isNonAnswer("Well, let me begin with Dr. Walensky to talk about the CDC's perspective, and then I'll add some comments.")).toBe(true);
    expect(isNonAnswer("Okay. So, Jake, why don't I hand it to you on the first COVAX question?")).toBe(true);
    expect(isNonAnswer("Over to Jake.")).toBe(true);
    expect(isNonAnswer("I'll let General Sims take the first question, Phil, and then I'm happy to take the second one on Iraq.")).toBe(true);
    expect(isNonAnswer("General, you want to answer that?")).toBe(true);
    expect(isNonAnswer("Yes. The question on COVAX — do you want to handle that? And then, I'll handle the second piece.")).toBe(true);
    expect(
      isNonAnswer(
        "I think General Sims already dealt with the question about any pre-strike reactions. But, General, feel free to elaborate if you feel the need to. And I'll defer to you, too, sir, on the second question.",
      ),
    ).toBe(true);
    expect(isNonAnswer("I've already answered — I've answered the question.")).toBe(false);
    expect(isNonAnswer("I'll take the first one and kick it to the General on the second. I have nothing for you on that one, Mary.")).toBe(false);
    expect(isNonAnswer("Let me turn to your second question: the doses come from the federal pool.")).toBe(false);
  });

  it("talk about the line is not an answer: the colleague who answers next is the answer speaker", () => {
    const d = parsed(
      briefing(
        ["Q", "My question is for Dr. Walensky. Why are people still hesitant to get vaccinated?"],
        ["DR. FAUCI:", "Jeff, I think that Rochelle got kicked out by her computer. (Laughter.)"],
        ["MR. ZIENTS:", "Well, I think the important thing is that all Americans have the opportunity to get vaccinated, and that we answer their questions."],
      ),
    );
    expect(answerers(d)).toEqual(["MR. ZIENTS"]);
    expect(isNonAnswer("Okay, I think we're working on some technical issues, and hopefully we are able to open it up for questions soon.")).toBe(true);
    expect(isNonAnswer("We fixed the technical issues with the website last week, and it is working well.")).toBe(false);
  });

  it("'Can I just confirm the second part of your question?' and 'No conversations at all?' keep the pair going", () => {
    const d = parsed(
      briefing(
        ["Q", "Do you expect the Jordanians to participate? And are the strikes for today completed?"],
        ["MR. KIRBY:", "I have nothing for you on the Jordanians. We're here to talk about U.S. actions."],
        ["LIEUTENANT GENERAL SIMS:", "Ma'am, can I just confirm the second part of your question? I'm sorry."],
        ["Q", "Just wondering if we should expect any more strikes today and tonight."],
        ["LIEUTENANT GENERAL SIMS:", "Right now, all of our aircraft are out of harm's way."],
        ["Q", "Have there been any conversations with Iran through backchannels this week?"],
        ["MR. KIRBY:", "No, David."],
        ["Q", "No conversations at all?"],
        ["MR. KIRBY:", "There's been no communications with Iran since the attack."],
      ),
    );
    expect(starts(d)).toEqual(["Do you expect the Jordan", "Have there been any conv"]);
  });
});
