import { describe, expect, it } from "vitest";
import { apa, bibtex, chicago, escapeBibtex, mla, type CitationSource } from "./index";

const source: CitationSource = {
  publicId: "k3m9x2qa",
  title: "How will Jilin attract young talent?",
  answerers: ["Hu Yuting", "Li Guoqiang"],
  conferenceTitle: "SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era",
  organizer: "State Council Information Office",
  location: "Beijing",
  heldOn: new Date("2024-05-16T00:00:00Z"),
  url: "https://pressroom.example/qa/k3m9x2qa/how-will-jilin-attract-young-talent",
  accessed: new Date("2026-11-28T09:30:00Z"),
};

describe("citations", () => {
  it("formats APA", () => {
    expect(apa(source)).toBe(
      "Hu Yuting & Li Guoqiang. (2024, May 16). How will Jilin attract young talent? [Answer at a press conference]. In SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era. State Council Information Office. Pressroom. https://pressroom.example/qa/k3m9x2qa/how-will-jilin-attract-young-talent",
    );
  });

  it("formats Chicago", () => {
    expect(chicago(source)).toBe(
      "Hu Yuting and Li Guoqiang. “How will Jilin attract young talent?” Answer at SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era, State Council Information Office, Beijing, May 16, 2024. Pressroom. Accessed November 28, 2026. https://pressroom.example/qa/k3m9x2qa/how-will-jilin-attract-young-talent.",
    );
  });

  it("formats MLA", () => {
    expect(mla(source)).toBe(
      "Hu Yuting and Li Guoqiang. “How will Jilin attract young talent?” SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era, State Council Information Office, 16 May 2024. Pressroom, https://pressroom.example/qa/k3m9x2qa/how-will-jilin-attract-young-talent. Accessed 28 Nov. 2026.",
    );
  });

  it("formats BibTeX", () => {
    expect(bibtex(source)).toBe(`@misc{pressroom_k3m9x2qa,
  author = {{Hu Yuting} and {Li Guoqiang}},
  title = {How will Jilin attract young talent?},
  howpublished = {Answer at SCIO press conference on striving for new breakthroughs to revitalize Jilin in the new era, State Council Information Office, Beijing},
  year = {2024},
  month = may,
  date = {2024-05-16},
  url = {https://pressroom.example/qa/k3m9x2qa/how-will-jilin-attract-young-talent},
  urldate = {2026-11-28},
  note = {Pressroom Q\\&A k3m9x2qa}
}`);
  });

  it("names the original publication in every format when it is known", () => {
    const withOriginal = { ...source, original: { name: "State Council Information Office", url: "https://www.scio.gov.cn/live/2024/33813/" } };
    const note = "Originally published by State Council Information Office, https://www.scio.gov.cn/live/2024/33813/";
    expect(apa(withOriginal)).toBe(`${apa(source)} (${note})`);
    expect(chicago(withOriginal)).toBe(`${chicago(source)} ${note}.`);
    expect(mla(withOriginal)).toBe(`${mla(source)} ${note}.`);
    expect(bibtex(withOriginal)).toContain("note = {Pressroom Q\\&A k3m9x2qa. Originally published by State Council Information Office, https://www.scio.gov.cn/live/2024/33813/}");
    expect(apa({ ...withOriginal, original: { name: null, url: "https://example.org/t" } })).toContain("(Originally published at https://example.org/t)");
  });

  it("escapes BibTeX specials and handles missing dates and speakers", () => {
    expect(escapeBibtex("50% of R&D {costs} #1 a_b ~ ^ \\")).toBe("50\\% of R\\&D \\{costs\\} \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
    const bare = { ...source, answerers: [], heldOn: null, location: null };
    expect(apa(bare)).toContain("State Council Information Office. (n.d.).");
    expect(bibtex(bare)).not.toContain("year =");
    expect(mla({ ...source, answerers: ["A", "B", "C"] })).toMatch(/^A, et al\. /);
  });
});
