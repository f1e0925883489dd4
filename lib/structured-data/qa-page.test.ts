import { describe, expect, it } from "vitest";
import { jsonLdScript, qaPageJsonLd, type QaPageInput } from "./qa-page";
import { missingRequiredProperties } from "./required";

const input: QaPageInput = {
  url: "https://pressroom.example/qa/k3m9x2qa/how-will-jilin",
  question: "How will Jilin attract young talent?",
  questionTitle: "How will Jilin attract young talent?",
  questioner: null,
  outlet: "China National Radio",
  answers: [
    { speaker: "Hu Yuting", text: "We will <improve> housing." },
    { speaker: "Li Guoqiang", text: "And universities." },
  ],
  conference: {
    title: "SCIO press conference on Jilin",
    url: "https://pressroom.example/conferences/jilin",
    heldOn: new Date("2024-05-16T00:00:00Z"),
    organizer: "State Council Information Office",
    location: "Beijing",
    language: "en",
  },
  dateModified: new Date("2026-11-28T00:00:00Z"),
};

describe("QAPage JSON-LD", () => {
  it("has every required property of QAPage, Question, Answer, Person and Event", () => {
    const data = qaPageJsonLd(input);
    expect(missingRequiredProperties(data)).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON-LD is read as loose JSON here
    const [page, event] = data as Record<string, any>[];
    expect(page["@type"]).toBe("QAPage");
    expect(page.mainEntity["@type"]).toBe("Question");
    expect(page.mainEntity.answerCount).toBe(1);
    expect(page.mainEntity.acceptedAnswer["@type"]).toBe("Answer");
    expect(page.mainEntity.acceptedAnswer.author.map((a: { name: string }) => a.name)).toEqual(["Hu Yuting", "Li Guoqiang"]);
    expect(page.mainEntity.acceptedAnswer.author[0]["@type"]).toBe("Person");
    expect(page.mainEntity.acceptedAnswer.dateCreated).toBe("2024-05-16");
    expect(event["@type"]).toBe("Event");
    expect(event.startDate).toBe("2024-05-16");
  });

  it("reports what is missing", () => {
    const broken = { "@type": "QAPage", mainEntity: { "@type": "Question", name: "x", text: "x", answerCount: 1, author: { "@type": "Person" } } };
    expect(missingRequiredProperties(broken)).toEqual(["$.mainEntity.acceptedAnswer (Question with answers)", "$.mainEntity.author.name (Person)"]);
    const eventWithoutDate = qaPageJsonLd({ ...input, conference: { ...input.conference, heldOn: null } });
    expect(missingRequiredProperties(eventWithoutDate)).toContain("$[1].startDate (Event)");
  });

  it("cannot be broken out of its script tag", () => {
    const script = jsonLdScript(qaPageJsonLd({ ...input, question: "</script><script>alert(1)</script>" }));
    expect(script).not.toContain("</script>");
    expect(JSON.parse(script)[0].mainEntity.text).toBe("</script><script>alert(1)</script>");
  });
});
