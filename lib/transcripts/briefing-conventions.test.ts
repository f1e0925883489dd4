// Conventions found on the gaggles and full briefings added to the tune half in the sixth round
// (docs/transcripts.md), each on a small synthetic exchange in the White House layout.
import { describe, expect, it } from "vitest";
import { isNonAnswer, isPleasantry } from "./exchanges";
import { briefing, pairStarts as starts, parsedWhole as parsed } from "./test-support";

const KJP = "MS. JEAN-PIERRE:";

describe("briefing conventions (sixth round)", () => {
  it("asking for the question 'one more time' is not an answer: the restated question stays in the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "Thank you. A resolution urges the President to suspend Russia at the Council. Does he support it?"],
        [KJP, "Yes, we do support that. Can you say the question one more time? I just want to make sure —"],
        ["Q", "So, the resolution —"],
        [KJP, "Make sure I have this right."],
        ["Q", "— urges the President to suspend its rights at the Security Council."],
        [KJP, "Got it. If there were a path to do that, we would pursue it immediately."],
        ["Q", "Next week, will he travel?"],
        [KJP, "Nothing to announce on that yet."],
      ),
    );
    expect(starts(d)).toEqual(["Thank you. A resolution ", "Next week, will he trave"]);
  });

  it("a plea for more questions, and one after the official has closed, is procedural", () => {
    expect(isPleasantry("Karine, I know the pool has to leave in a few minutes. Will you take one or two more?")).toBe(true);
    expect(isPleasantry("Do you have time for one more, Karine?")).toBe(true);
    expect(isPleasantry("Can I ask one more on the budget?")).toBe(false);
    const d = parsed(
      briefing(
        ["Q", "Is the President confident the funding bill will pass?"],
        [KJP, "We believe there is enough time to get it done."],
        ["Q", "Karine, I know the pool has to leave in a few minutes. Will you take one or two more?"],
        [KJP, "I'll take one or two more. Go ahead."],
        ["Q", "Thanks. Any update on the nomination?"],
        [KJP, "It remains a priority for us."],
        ["Q", "Oh, Karine —"],
        [KJP, "Thanks, everybody."],
        ["Q", "— one more?"],
        [KJP, "Thanks, everybody."],
        ["Q", "Do you have time for one more, Karine?"],
        [KJP, "Got to go. Thanks, everybody."],
      ),
    );
    expect(starts(d)).toEqual(["Is the President confide", "Thanks. Any update on th"]);
  });

  it("'Right.' after a question that ends on a statement, and 'Yeah.' after 'Can you talk a bit about…?', are not answers", () => {
    expect(isNonAnswer("Right.", { asked: true, cutOff: false, lastAsk: "Do you mean the whole deal? Because later all forces must leave the corridor." })).toBe(true);
    expect(isNonAnswer("Right.", { asked: true, cutOff: false, lastAsk: "Is the proposal still on the table?" })).toBe(false);
    expect(isNonAnswer("Yeah.", { asked: true, cutOff: false, lastAsk: "And a second one. Can you talk a bit about the deleted tweet?" })).toBe(true);
    const d = parsed(
      briefing(
        ["Q", "Do you mean during the first phase? Because in the next phases, all forces need to leave the corridor."],
        [KJP, "Right."],
        ["Q", "And he said they will never leave. So what is the U.S. position on the corridor?"],
        [KJP, "It is all in the proposal."],
        ["Q", "Okay. Can you talk a bit about the deleted tweet from last night?"],
        [KJP, "Yeah."],
        ["Q", "Why was the tweet deleted?"],
        [KJP, "It was incomplete, and we wanted it completed."],
      ),
    );
    expect(starts(d)).toEqual(["Do you mean during the f", "Okay. Can you talk a bit"]);
  });

  it("an answer that broke off after a full sentence is an answer; the reporter's words before the official resumes are an interjection", () => {
    const d = parsed(
      briefing(
        ["Q", "Any decision on whether the White House will keep paying to stay verified?"],
        [KJP, "It was just 24 hours ago! And —"],
        ["Q", "No, I was just wondering if it came up."],
        [KJP, "— we are still out West. (Laughs.)"],
        ["Q", "And then, more broadly: is the platform still an effective way to reach people?"],
        [KJP, "I am not going to comment on a company's decision."],
      ),
    );
    expect(starts(d)).toEqual(["Any decision on whether ", "And then, more broadly: "]);
    expect(d.pairs[0]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
  });

  it("'Q (Inaudible.)' after a finished answer, answered at length, is a question of its own", () => {
    const d = parsed(
      briefing(
        ["Q", "What is the strategy behind calling it a final proposal?"],
        [KJP, "I am not using that phrase, so I cannot speak to a strategy."],
        ["Q", "(Inaudible.)"],
        [KJP, "Well, I am not using that phrase. There is a proposal we are working on, and we believe we can close it."],
      ),
    );
    expect(starts(d)).toEqual(["What is the strategy beh", "(Inaudible.)"]);
  });

  it("a 'Q' question printed inside an answer paragraph, after a sentence end, is a pair of its own", () => {
    const d = parsed(
      briefing(
        ["Q", "Is the President sending air defence systems?"],
        [KJP, "We will continue to support them for as long as it takes. Q Can we expect an announcement this week?"],
        [KJP, "I just don't have anything to share with you at this time."],
        ["Q", "On the budget, will he sign it?"],
        [KJP, "He will."],
        ["Q", "And the trip?"],
        [KJP, "Next week."],
      ),
    );
    expect(starts(d)).toEqual(["Is the President sending", "Can we expect an announc", "On the budget, will he s", "And the trip?"]);
    // Prose is not cut: a Q without a sentence end before it, or in a document without "Q" labels.
    const prose = (answer: string) => briefing(["Q", "Where is it?"], [KJP, answer], ["Q", "When will it open?"], [KJP, "Now."], ["Q", "Who decided?"], [KJP, "The city."]);
    expect(parsed(prose("It is on Q Street. Go there.")).pairs[0]!.answers.map((a) => a.text)).toEqual(["It is on Q Street. Go there."]);
    const unlabelled = prose("It moved. Q Street is closed.").replace(/^Q {2}/gm, "Q: ");
    expect(parsed(unlabelled).pairs[0]!.answers.map((a) => a.text)).toEqual(["It moved. Q Street is closed."]);
  });
});

describe("conventions from the seventh round's tune errors", () => {
  it("a short reply while the reporter broke off before asking anything is an aside: the question goes on", () => {
    expect(
      isNonAnswer("I do. I had many engagements with him in my time.", { asked: false, cutOff: true, lastAsk: "I know you have done this before. But when it comes to —" }),
    ).toBe(true);
    // A reporter who broke off inside a question ("Is the President going to —") got an answer.
    expect(isNonAnswer("No, he will not sign it this week, as he said yesterday.", { asked: false, cutOff: true, lastAsk: "Is the President going to —" })).toBe(false);
    const d = parsed(
      briefing(
        ["Q", "Is the President confident the bill will pass?"],
        ["MS. PSAKI:", "We believe there is enough time to get it done."],
        ["Q", "And just one more. I am not going to repeat what Matt did yesterday with Ned. But when it comes to —"],
        ["MS. PSAKI:", "I do. I do. I had many engagements with Matt in my time."],
        ["Q", "The idea though — of getting out in front with the intelligence, before any move."],
        ["MS. PSAKI:", "Yeah."],
        ["Q", "Can you explain the thinking behind that?"],
        ["MS. PSAKI:", "Sure. We have developed credible intelligence, and sharing it takes away the pretext."],
      ),
    );
    expect(starts(d)).toEqual(["Is the President confide", "And just one more. I am "]);
  });

  it("a request for the press's own access is logistics, and banter after it is not a question", () => {
    expect(isPleasantry("Would you invite him to come back and chat with us on the way back?")).toBe(true);
    expect(isPleasantry("Would you invite him to the summit in June?")).toBe(false);
    const d = parsed(
      briefing(
        ["Q", "Any estimate of when the executive order will come out?"],
        [KJP, "I don't have anything new to share on that."],
        ["Q", "Would you invite him to come back and chat with us on the way back?"],
        [KJP, "(Laughs.) I will do my best."],
        ["Q", "He's welcome anytime. (Laughter.)"],
        [KJP, "I know. Okay, guys, thank you so much."],
      ),
    );
    expect(starts(d)).toEqual(["Any estimate of when the"]);
  });
});
