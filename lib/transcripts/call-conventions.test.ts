// Conventions found on the press calls added to the tune half in the fifth round
// (docs/transcripts.md), each on a small synthetic exchange in the White House layout.
import { describe, expect, it } from "vitest";
import { asksReporterToClarify, isChallenge } from "./exchanges";
import { briefing, pairStarts as starts, parsedWhole as parsed } from "./test-support";

const OFFICIAL = "SENIOR ADMINISTRATION OFFICIAL:";

describe("press call conventions (fifth round)", () => {
  it("keeps the reporter's reply to the official's question back, and the answer after it, in the pair", () => {
    const d = parsed(
      briefing(
        ["Q", "Thanks for doing this. Will the talks cover the detainees, and will there be a gas agreement?"],
        [OFFICIAL, "On gas, we consult all the suppliers regularly and I have nothing further. On the other part, you mean the detainees? Is that what you were asking about?"],
        ["Q", "That they have played a role in earlier talks about dual citizens held in prison, so whether that comes up."],
        [OFFICIAL, "I have nothing specific on that; those cases are handled in other channels."],
        ["Q", "Hi, thanks. Is basing on the agenda this week?"],
        [OFFICIAL, "I am not aware that it is on the table this week."],
      ),
    );
    expect(starts(d)).toEqual(["Thanks for doing this. W", "Hi, thanks. Is basing on"]);
    expect(d.pairs[0]!.answers.map((a) => a.role)).toEqual(["official", "journalist", "official"]);
  });

  it("also when the question back comes in the middle of the answer", () => {
    const d = parsed(
      briefing(
        ["Q", "Hello. The Amir wants arms deliveries sped up. Where does the administration stand?"],
        [
          OFFICIAL,
          "I cannot give you details on energy. On the issue of — did you have specific arms sales or requests in mind? I know those issues are likely to figure in the talks at Defense rather than in the Oval Office.",
        ],
        ["Q", "But it is a central issue. High-end drones are what they are after right now, so they want a firm yes or no."],
        [OFFICIAL, "I am quite certain those issues will be discussed at Defense."],
      ),
    );
    expect(starts(d)).toEqual(["Hello. The Amir wants ar"]);
    expect(d.pairs[0]!.answers).toHaveLength(3);
  });

  it("a question back that the reporter does not take up leaves the next question a pair of its own", () => {
    expect(asksReporterToClarify("Is that what you were asking about?")).toBe(true);
    expect(asksReporterToClarify("What do you mean by that?")).toBe(true);
    expect(asksReporterToClarify("And, you know, did you see what the Senate did yesterday? It passed.")).toBe(false);
    const d = parsed(
      briefing(
        ["Q", "Will the talks cover the detainees?"],
        [OFFICIAL, "They will, of course, along with gas supplies and Gaza. You mean the ones in Tehran? Is that what you were asking about?"],
        ["Q", "Hi, thank you. A different topic: when does the Amir land?"],
        [OFFICIAL, "Tomorrow morning."],
      ),
    );
    expect(starts(d)).toEqual(["Will the talks cover the", "Hi, thank you. A differe"]);
  });

  it("a garbled push-back that breaks off unheard is an interjection, not a follow-up", () => {
    expect(isChallenge("And about the diff- — (inaudible) —")).toBe(false);
    expect(isChallenge("And about the difference in orders between the states?")).toBe(true);
    const d = parsed(
      briefing(
        ["Q", "Why are the first orders of doses so low?"],
        [OFFICIAL, "States are slow to order at first, and the longer ordering stays open, the more of them come forward."],
        ["Q", "And about the diff- — (inaudible) —"],
        [OFFICIAL, "I would just quickly add that the pharmacy program plays a critical role in reaching providers early."],
        ["Q", "Sure. What have you learned from the campaigns for older children?"],
        [OFFICIAL, "We learned who parents listen to."],
      ),
    );
    expect(starts(d)).toEqual(["Why are the first orders", "Sure. What have you lear"]);
  });
});
