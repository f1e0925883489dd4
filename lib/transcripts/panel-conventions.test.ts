// Conventions found on the briefings with several officials, the Air Force One gaggles and the
// multi-official calls added to the tune half in the eighth round (docs/transcripts.md), each on a
// small synthetic exchange in the White House layout.
import { describe, expect, it } from "vitest";
import type { TranscriptDraft } from "./index";
import { briefing, pairStarts as starts, parsedWhole as parsed } from "./test-support";

const ZIENTS = "MR. ZIENTS:";
/** Who gave each pair's first answer that is neither a reporter's nor a moderator's. */
const answerers = (d: TranscriptDraft) => d.pairs.map((p) => p.answers.find((a) => a.role !== "journalist" && a.role !== "moderator")?.speaker ?? null);
const LONG =
  "Look, to end this pandemic we have to protect the American people and we have to keep vaccinating the world, and both are critical. We are already proving that we can do both, with more doses shipped abroad than any other country and boosters ready at home for everyone who needs them.";

describe("panel conventions (eighth round)", () => {
  it("a coordinator who mostly hands over still answers when he speaks at length, and a doctor's rhetorical question does not make him a reporter", () => {
    const d = parsed(
      briefing(
        ["Q", "Hi, thanks. Are boosters taking doses away from the rest of the world?"],
        [ZIENTS, `So, let me go first, and then, Dr. Murthy, if you want to add anything. ${LONG}`],
        ["DR. MURTHY:", "Thanks, Jeff. Why would we choose between the two? We do not have to, and we will not."],
        [ZIENTS, "Next question, please."],
        ["Q", "What will fully vaccinated mean once boosters start?"],
        [ZIENTS, "Dr. Murthy."],
        ["DR. MURTHY:", "Right now, two shots of an mRNA vaccine mean you are fully vaccinated. Will that change? We will let the data decide."],
        [ZIENTS, "Next question."],
        ["Q", "Is the September date realistic?"],
        [ZIENTS, "Let's start with you, Dr. Walensky."],
        ["DR. WALENSKY:", "It is the date we are working toward, pending the FDA's review and the advisory committee."],
        [ZIENTS, "Next question."],
      ),
    );
    expect(starts(d)).toEqual(["Hi, thanks. Are boosters", "What will fully vaccinat", "Is the September date re"]);
    expect(answerers(d)).toEqual(["MR. ZIENTS", "DR. MURTHY", "DR. WALENSKY"]);
  });

  it("a reporter's line check, cut off or with 'Hello?', and the talk about the line before the question are procedural", () => {
    const d = parsed(
      briefing(
        ["Q", "Yeah. Hi, can you hear me? Hello?"],
        ["MR. MUNOZ:", "Yes. Hi, Joyce."],
        ["Q", "Can you — okay. Hi, everybody. How much is the rollout costing?"],
        ["DR. JHA:", "We have secured enough vaccines, because of prior funding from Congress."],
        ["MR. MUNOZ:", "All right, next question. Let's go to Betsy. Betsy?"],
        ["Q", "Hey, can you —"],
        ["DR. JHA:", "Yes, we can hear you now. Or not. (Laughter.)"],
        ["Q", "Hi. Sorry about that. Any progress with Congress on funding?"],
        ["DR. JHA:", "Not yet, and we are having to make painful decisions."],
        ["MR. MUNOZ:", "Next question."],
        ["Q", "Oh, hey, can you guys hear me now? Oh, I'm sorry. It's —"],
        ["MR. MUNOZ:", "You've got a bit of —"],
        ["Q", "I found myself (inaudible)."],
        ["MR. MUNOZ:", "You've got a bit of an echo. Go ahead, please."],
        ["Q", "Okay. Sorry about that. Why not wait for the FDA's review?"],
        ["DR. JHA:", "We are not skipping the FDA's review."],
      ),
    );
    expect(starts(d)).toEqual(["Can you — okay. Hi, ever", "Hi. Sorry about that. An", "Okay. Sorry about that. "]);
  });

  it("'No.' answers an indirect question ('I'm wondering if…'), and 'Oh, thank you.' / 'Go ahead.' is procedural", () => {
    const KJP = "MS. JEAN-PIERRE:";
    const d = parsed(
      briefing(
        ["Q", "Thanks, Karine. Is the President planning another call with the Prime Minister?"],
        [KJP, "I don't have anything to preview on the next call."],
        ["Q", "And just to follow up. The Prime Minister has disregarded his preferences. And I'm wondering if the White House is considering conditions on aid."],
        [KJP, "No. Go ahead."],
        ["Q", "I wanted to ask about the hurricanes. Has the White House been in touch with the platforms?"],
        [KJP, "We have been very clear about misinformation. In the back. I haven't called on you in a while."],
        ["Q", "Oh, thank you."],
        [KJP, "Yeah. Go ahead."],
        ["Q", "Just on the calls. Should Congress come back early?"],
        [KJP, "Congress needs to act."],
      ),
    );
    expect(starts(d)).toEqual(["Thanks, Karine. Is the P", "And just to follow up. T", "I wanted to ask about th", "Just on the calls. Shoul"]);
  });

  it("'Sure.' to 'Can you provide an update…?' is not the update: the reporter's next words stay in the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "Thanks, Jen. Can you provide an update on the testing website?"],
        ["MS. PSAKI:", "Sure."],
        ["Q", "Is it ready to go? Has the hotline been created?"],
        ["MS. PSAKI:", "It is in the beta phase right now, and it launches formally tomorrow."],
        ["Q", "Can you confirm the launch time?"],
        ["MS. PSAKI:", "Yes."],
      ),
    );
    expect(starts(d)).toEqual(["Thanks, Jen. Can you pro", "Can you confirm the laun"]);
  });

  it("a reporter yielding the floor, and a request the official turns down by moving on, are procedural", () => {
    const d = parsed(
      briefing(
        ["Q", "What do you hope to achieve with the Secretary's trip to Geneva?"],
        ["MS. PSAKI:", "An update first: the Secretary spoke with his counterpart this morning."],
        ["Q", "That's fine. Go ahead."],
        ["MS. PSAKI:", "Go ahead, Trevor."],
        ["Q", "Is there an expectation of a written response?"],
        ["MS. PSAKI:", "I don't have anything to preview on that."],
        ["Q", "Thank you. Third question — my third —"],
        ["MS. PSAKI:", "I think we're done, and we're going to move on. Go ahead, in the back."],
        ["Q", "Reuters reported this morning on a review of a cloud business. Can you confirm?"],
        ["MS. PSAKI:", "I'd have to check with our national security team."],
      ),
    );
    expect(starts(d)).toEqual(["What do you hope to achi", "Is there an expectation ", "Reuters reported this mo"]);
  });

  it("'The second ques- —' / 'The second question was about…' reminds of a part left unanswered; 'The second question is…' asks a new one", () => {
    const SAO = "SENIOR ADMINISTRATION OFFICIAL:";
    const d = parsed(
      briefing(
        ["Q", "Did Iran give a heads-up before its attack? And did the President say the U.S. would not join a counteroffensive?"],
        [SAO, "On Iran, no, that is absolutely not true. They gave no notification to anyone."],
        ["Q", "The second ques- —"],
        [SAO, "Yeah."],
        ["Q", "The second question was about the call and whether the President ruled out taking part."],
        [SAO, "I think Israel has freedom of action to defend itself, and that is a longstanding policy."],
        ["Q", "The second question is whether sanctions are coming. Are they?"],
        [SAO, "We will have more to say on sanctions in the coming days."],
      ),
    );
    expect(starts(d)).toEqual(["Did Iran give a heads-up", "The second question is w"]);
  });

  it("'(Inaudible) following —' answered at length is a question, even after an answer that trailed off", () => {
    const KJP = "MS. JEAN-PIERRE:";
    const d = parsed(
      briefing(
        ["Q", "Are other rating agencies likely to follow the downgrade?"],
        [KJP, "Treasury meets with all the major agencies every year. I just don't have anything el- —"],
        ["Q", "(Inaudible) following —"],
        [
          KJP,
          "Look, I'm not going to get into hypotheticals about what other rating agencies are going to do. As I mentioned, Treasury is in regular communication with them, and the flawed decision was the agency's alone to make, whatever it says.",
        ],
        ["Q", "Karine, (inaudible)."],
        [KJP, "I got to go. They're telling us to sit down."],
      ),
    );
    expect(starts(d)).toEqual(["Are other rating agencie", "(Inaudible) following —"]);
  });

  it("a reporter who resumes their own broken-off sentence after a short reply is still asking the same question", () => {
    const d = parsed(
      briefing(
        ["Q", "Was the President briefed on the plan to send tests to every home?"],
        ["MS. PSAKI:", "We did not have the capacity at the moment, and we expanded testing instead."],
        ["Q", "Yes, I hear what you're saying, but that's not the question I asked. The question I asked was: Which — which —"],
        ["MS. PSAKI:", "Do you have another question? I think I've answered your question."],
        ["Q", "— which advisors? And was the President briefed at the time?"],
        ["MS. PSAKI:", "Again, I've answered your question."],
      ),
    );
    expect(starts(d)).toEqual(["Was the President briefe", "Yes, I hear what you're "]);
  });

  it("a request for the floor the official did not catch ('On the which — what?') is repeated, granted, and starts the pair", () => {
    const KJP = "MS. JEAN-PIERRE:";
    const d = parsed(
      briefing(
        ["Q", "Has the President heard from the special counsel?"],
        [KJP, "I'm just not going to comment on that."],
        ["Q", "Quick question on the Fitch downgrade."],
        [KJP, "On the which — what?"],
        ["Q", "On the Fitch downgrade."],
        [KJP, "Yeah."],
        ["Q", "We saw your statement. Do you think the decision was politically motivated?"],
        [KJP, "We strongly disagree with the decision, and the data are outdated."],
      ),
    );
    expect(starts(d)).toEqual(["Has the President heard ", "Quick question on the Fi"]);
  });
});
