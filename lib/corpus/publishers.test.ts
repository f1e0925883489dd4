import { describe, expect, it } from "vitest";
import { publisherName } from "./publishers";

const record = { url: null, source: "x/y@abc123:file", lang: "en", organizer: null };

describe("publisherName", () => {
  it("names the page's publisher, in the page's language", () => {
    expect(publisherName({ ...record, url: "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/t1789509.shtml" })).toBe("Ministry of Foreign Affairs of the People's Republic of China");
    expect(publisherName({ ...record, lang: "zh", url: "https://www.fmprc.gov.cn/web/wjdt_674879/t1789468.shtml" })).toBe("中华人民共和国外交部");
    expect(publisherName({ ...record, url: "https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2021/05/13/x/" })).toBe("The White House");
  });

  it("names an Internet Archive copy after its original", () => {
    expect(publisherName({ ...record, url: "http://web.archive.org/web/2003/http://www.fmprc.gov.cn/eng/t14647.htm" })).toBe(
      "Ministry of Foreign Affairs of the People's Republic of China (Internet Archive copy)",
    );
  });

  it("falls back to the dataset's documented origin, then the organizer, then the dataset", () => {
    expect(publisherName({ ...record, source: "henriquesposito/poldis@400366cc1fa2:data/x.rda (row 1)" })).toBe("The American Presidency Project (via the poldis dataset)");
    expect(publisherName({ ...record, url: "https://example.org/briefing", organizer: "Transport Office" })).toBe("Transport Office");
    expect(publisherName({ ...record, url: "not a url" })).toBe("x/y");
  });
});
