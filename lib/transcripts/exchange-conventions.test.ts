// Conventions found on the tune half of the grown gold set (docs/transcripts.md), one small
// synthetic exchange each: greetings, echo checks, banter, verbless questions, floor requests
// split by a dash, requests to repeat, cut-off fragments, opening the floor, reported questions.
import { describe, expect, it } from "vitest";
import { isNonAnswer, isPleasantry } from "./exchanges";
import { asksForAnswer, isFloorRequest, isShortRemark } from "./reporter-remarks";
import { accountFor, parseTranscript, type TranscriptDraft } from "./index";
import { inferRoles } from "./roles";

const briefing = (...rows: Array<[string, string]>) => rows.map(([label, text]) => `${label}  ${text}`).join("\n\n") + "\n";
const starts = (d: TranscriptDraft) => d.pairs.map((p) => p.question.text.slice(0, 24));

function parsed(text: string): TranscriptDraft {
  const d = parseTranscript(text);
  expect(accountFor(text, d)).toEqual([]);
  return d;
}

const OPENING = "Good morning. Today the governor visits the new bus depot, which opened last week and employs four hundred drivers and mechanics from the county.";

describe("conventions from the grown gold set", () => {
  it("keeps a greeting before the opening statement out of pairs", () => {
    const d = parsed(briefing(["Q", "Happy Friday."], ["MS. LEE:", OPENING], ["Q", "Will the fares change?"], ["MS. LEE:", "No, the fares stay the same."]));
    expect(starts(d)).toEqual(["Will the fares change?"]);
    expect(d.statements.map((s) => s.text.slice(0, 13))).toEqual(["Happy Friday.", "Good morning."]);
  });

  it("keeps a lost line out of pairs: the question after it starts the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "Will the harbour reopen this year?"],
        ["SENIOR ADMINISTRATION OFFICIAL:", "Yes, the harbour reopens in the autumn, once the dredging is finished."],
        ["Q", "I lost him."],
        ["SENIOR ADMINISTRATION OFFICIAL:", "Hey, it’s me again."],
        ["Q", "And do you have a timeframe for the dredging?"],
        ["SENIOR ADMINISTRATION OFFICIAL:", "The dredging takes about four months."],
      ),
    );
    expect(starts(d)).toEqual(["Will the harbour reopen ", "And do you have a timefr"]);
  });

  it("keeps a reminder of an unanswered part, and the restated part, inside the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "Two questions. Is the deal for the Prime Minister to accept? And when will it be signed?"],
        ["SENIOR ADMINISTRATION OFFICIAL:", "It will not be signed this week; the text is still being negotiated in Cairo."],
        ["Q", "Did you have a response to my first question?"],
        ["SENIOR ADMINISTRATION OFFICIAL:", "What was the first question?"],
        ["Q", "Whether — no, whether the deal is for the Prime Minister to accept?"],
        ["SENIOR ADMINISTRATION OFFICIAL:", "It is not at that point yet, but we believe the gaps can be closed."],
        ["Q", "What about the families of the hostages?"],
        ["SENIOR ADMINISTRATION OFFICIAL:", "The President meets them tomorrow."],
      ),
    );
    expect(starts(d)).toEqual(["Two questions. Is the de", "What about the families "]);
  });

  it("keeps an echo that checks a detail of the answer inside the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "What did the mayor announce?"],
        ["THE MAYOR:", "We will cut 25,000 permits from the backlog by June."],
        ["Q", "You cut 29,000 permits?"],
        ["THE MAYOR:", "25,000. The rest follow in autumn."],
        ["Q", "Why not all of them at once?"],
        ["THE MAYOR:", "The inspectors cannot do more than that in one season."],
      ),
    );
    expect(starts(d)).toEqual(["What did the mayor annou", "Why not all of them at o"]);
    expect(d.pairs[0]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
  });

  it("keeps banter that draws laughter inside the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "Has the White House seen the report on the missing files?"],
        ["MS. LEE:", "I have not seen that report, but we take it seriously and will check with the team."],
        ["Q", "It was on our front page yesterday, so you can read all about it there. (Laughter.)"],
        ["MS. LEE:", "I always read your front page. We will check."],
      ),
    );
    expect(d.pairs).toHaveLength(1);
  });

  it("starts a pair at a verbless follow-up question even without a question mark", () => {
    const d = parsed(
      briefing(
        ["Q", "Is the President worried about the oil cartel's decision?"],
        ["MS. LEE:", "We have said the decision was a mistake, and we are looking at every option."],
        ["Q", "No response to the minister or any —"],
        ["MS. LEE:", "Our view of the decision has not changed."],
      ),
    );
    expect(starts(d)).toEqual(["Is the President worried", "No response to the minis"]);
  });

  it("starts one pair at a request for the floor that a dash splits in two", () => {
    const d = parsed(
      briefing(
        ["Q", "Will the bridge open on time?"],
        ["MS. LEE:", "Yes, the engineers expect it to open on the first of the month."],
        ["Q", "Can I ask two quick ones on —"],
        ["MS. LEE:", "Yeah, absolutely."],
        ["Q", "— the budget?"],
        ["MS. LEE:", "Absolutely."],
        ["Q", "Will the budget pass this week, and what happens to the tolls if it does not?"],
        ["MS. LEE:", "We expect it to pass, and the tolls do not depend on it."],
      ),
    );
    expect(starts(d)).toEqual(["Will the bridge open on ", "Can I ask two quick ones"]);
  });

  it("does not take a request to repeat the question for the answer", () => {
    const d = parsed(
      briefing(
        ["Q", "Will the doctor brief the press? And who pays for the trip?"],
        ["MS. LEE:", "I have an answer for that. But the first one — what was the first question again?"],
        ["Q", "The first question was: will the doctor brief the press?"],
        ["MS. LEE:", "No plans for that. The trip is paid for by the campaign and the office in proportion."],
      ),
    );
    expect(d.pairs).toHaveLength(1);
  });

  it("does not take an answer cut off after a few words for the answer", () => {
    const d = parsed(
      briefing(
        ["Q", "Have you asked them what the troops are doing?"],
        ["MR. KANE:", "All I can say is —"],
        ["Q", "Because that has been on the table for weeks."],
        ["MR. KANE:", "They told us the troops needed rest after four months, and that is our understanding."],
      ),
    );
    expect(d.pairs).toHaveLength(1);
  });

  it("keeps a remark answered only by an invitation to ask out of pairs", () => {
    const d = parsed(
      briefing(
        ["Q.", "It is a new office, too."],
        ["THE PRESIDENT.", "If there is anything you would like to ask me, I would be glad to answer."],
        ["Q.", "Will you live here from today?"],
        ["THE PRESIDENT.", "Yes."],
      ),
    );
    expect(starts(d)).toEqual(["Will you live here from "]);
    expect(d.statements.map((s) => s.role)).toEqual(["journalist", "official"]);
  });

  it("keeps a joke answered only by an invitation to ask out of pairs, but not a real question", () => {
    const joke = parsed(
      briefing(
        ["Q", "Has the minister been tested this week?"],
        ["MS. LUND:", "Yes, on Tuesday, and the test was negative."],
        ["Q", "What did we not ask you that you are prepared to answer today? (Laughter.)"],
        ["MS. LUND:", "Oh, my goodness. I don't know. What else is on your mind?"],
        ["Q", "Can we ask you about the harbour budget?"],
        ["MS. LUND:", "The budget goes to the council next week."],
      ),
    );
    expect(starts(joke)).toEqual(["Has the minister been te", "Can we ask you about the"]);
    expect(joke.statements.map((s) => s.role)).toEqual(["journalist", "official"]);
    // Without the laughter it is a question, and the counter-question is not an answer: one pair.
    const earnest = parsed(
      briefing(
        ["Q", "What are you prepared to answer today?"],
        ["MS. LUND:", "What else is on your mind?"],
        ["Q", "The harbour budget."],
        ["MS. LUND:", "The budget goes to the council next week."],
      ),
    );
    expect(starts(earnest)).toEqual(["What are you prepared to"]);
  });

  it("keeps banter or a bare 'Why not?' inside an answer that broke off, but not a real short follow-up", () => {
    const d = parsed(
      briefing(
        ["Q", "Which depot will the governor visit?"],
        ["MS. LUND:", "I can't share the exact place for secur- —"],
        ["Q", "Why not?"],
        ["MS. LUND:", "I'm going to answer. For security reasons, and because the workers are on strike there."],
        ["Q", "Will she stay overnight?"],
        ["MS. LUND:", "She will be back in the capital tonight, we're on a plane. Be in —"],
        ["Q", "She will be in the air? (Laughter.)"],
        ["MS. LUND:", "— the capital, yes. Back at her desk tomorrow."],
        ["Q", "Who else is travelling with her?"],
        ["MS. LUND:", "Some of the senior staff. We'll have a list —"],
        ["Q", "The transport minister?"],
        ["MS. LUND:", "I believe so, but the list comes when we land."],
      ),
    );
    expect(starts(d)).toEqual(["Which depot will the gov", "Will she stay overnight?", "Who else is travelling w", "The transport minister?"]);
    expect(d.pairs[0]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
    expect(d.pairs[1]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
  });

  it("keeps a check of a name the official just said inside the pair, but a call for the floor starts one", () => {
    const check = parsed(
      briefing(
        ["Q", "Who is the fundraiser in Springfield for?"],
        ["MS. LUND:", "It is for Congresswoman Ortiz and Congressman Hale."],
        ["Q", "Peter Hale?"],
        ["MS. LUND:", "Yeah."],
        ["Q", "Okay. And on the layoffs at the plant, is the ministry worried about the town?"],
        ["MS. LUND:", "We are following it closely and the minister will visit next week."],
      ),
    );
    expect(starts(check)).toEqual(["Who is the fundraiser in", "Okay. And on the layoffs"]);
    expect(check.pairs[0]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
    // An office is a call: "Mr. President?" / "Yes." / a question starts the next pair even after an answer that says "President".
    const call = parsed(
      briefing(
        ["Q.", "Will the treaty go to the Senate this year?"],
        ["THE PRESIDENT.", "The President will send it in the spring."],
        ["Q.", "Mr. President?"],
        ["THE PRESIDENT.", "Yes."],
        ["Q.", "Have you spoken to the Premier about the border?"],
        ["THE PRESIDENT.", "Not this week; we will speak before the summit."],
      ),
    );
    expect(starts(call)).toEqual(["Will the treaty go to th", "Mr. President?"]);
  });

  it("reads a reported after-conference question (会后有记者问及) as a question of its own", () => {
    const text = [
      "2020年4月13日外交部发言人主持例行记者会",
      "",
      "　　路透社记者：你能否证实这一消息？",
      "　　赵立坚：我暂时还不掌握有关情况。",
      "　　会后有记者问及：有报道称，双方将于下周会谈。中方对此有何评论？",
      "　　赵立坚：双方应通过对话解决分歧。",
      "",
    ].join("\n");
    const d = parsed(text);
    expect(d.pairs).toHaveLength(2);
    expect(d.pairs[1]!.question.text.startsWith("会后有记者问及")).toBe(true);
    expect(d.pairs[1]!.flags).not.toContain("no_question_label");
    expect(d.pairs[1]!.answers.map((a) => a.speaker)).toEqual(["赵立坚"]);
  });
});

describe("turn predicates for these conventions", () => {
  it("keeps a short question that repeats a word of the answer, not one on something new", () => {
    const before = "I am going to the United Nations to speak on December 17th at 12 o'clock.";
    expect(isShortRemark("December 17th?", before)).toBe(true);
    expect(isShortRemark("Tariffs?", before)).toBe(false);
    expect(isShortRemark("Question 2?", "Answer 1.")).toBe(false);
  });

  it.each([
    ["— going up?", true],
    ["But who in particular?", false],
    ["Would a contract be an option?", false],
    ["Mr. President?", false],
    ["No response to Turkey or any —", false],
    ["It was the subject of a story yesterday, so you can read our story. (Laughter.)", true],
    ["It was the subject of a story yesterday, so you can read our story about it.", false],
  ])("isShortRemark(%j) is %s", (text, expected) => expect(isShortRemark(text)).toBe(expected));

  it.each([
    ["Karine, can I ask two quick ones on — the President's health?", false],
    ["Mr. President?", false],
    ["Can I ask about Iran: will the sanctions be lifted before the talks resume next month?", true],
  ])("asksForAnswer(%j) is %s", (text, expected) => expect(asksForAnswer(text)).toBe(expected));

  it("tells a request for the floor from a question", () => {
    expect(isFloorRequest("And then I have one more question.")).toBe(true);
    expect(isFloorRequest("What is the timeline for the new rules?")).toBe(false);
  });

  it("treats greetings as pleasantries, not greetings that go on to ask", () => {
    expect(isPleasantry("Happy Friday.")).toBe(true);
    expect(isPleasantry("Good morning, everyone.")).toBe(true);
    expect(isPleasantry("Hi. Thank you so much for doing this call. What have the companies told you?")).toBe(false);
  });

  it.each([
    ["Aamer, can you ask me your first question again? I'm sorry, I was trying to write fast and I —", true],
    ["I'm sorry, Robin, the second part of the question was what?", true],
    ["Well, we've been very — I mean, we've —", true],
    ["No, it did not.", false],
  ])("isNonAnswer(%j) is %s", (text, expected) => expect(isNonAnswer(text, { asked: true, cutOff: false })).toBe(expected));

  it("reads a press-call moderator's “Let’s go to…” with a typographic apostrophe as a hand-over", () => {
    const turns = [
      { speaker: "MR. LOPEZ", kind: "named" as const, text: "Let’s go to Ann Lee at Radio East." },
      { speaker: "MR. LOPEZ", kind: "named" as const, text: "All right, let’s go to Bo Chan at Daily Wire." },
      { speaker: "MR. LOPEZ", kind: "named" as const, text: "[Senior administration official]?" },
      { speaker: "SENIOR ADMINISTRATION OFFICIAL", kind: "named" as const, text: "The plan starts in June and covers every state." },
    ];
    expect(inferRoles(turns, null).get("MR. LOPEZ")).toBe("moderator");
  });
});
