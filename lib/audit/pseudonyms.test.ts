import { describe, expect, it } from "vitest";
import { hideEmails, hideEmailsInJson, userPseudonym } from "./pseudonyms";

const accounts = [
  { id: 7, name: "Eddie Editor", email: "editor@example.org" },
  { id: 9, name: null, email: "ops@example.org" },
];

describe("audit pseudonyms", () => {
  it("replaces known emails by a stable user id and unknown ones by a marker", () => {
    expect(hideEmails("Signed in as Editor@Example.org", accounts)).toBe("Signed in as user #7");
    expect(hideEmails("Changed ops@example.org from EDITOR to ADMIN; cc x.y+z@mail.example.net", accounts)).toBe("Changed user #9 from EDITOR to ADMIN; cc [email hidden]");
    expect(hideEmails("Edited answer 2 of pair ABCD1234", accounts)).toBe("Edited answer 2 of pair ABCD1234");
  });

  it("names users by name, else by id, never by email", () => {
    expect(userPseudonym(accounts[0])).toBe("Eddie Editor");
    expect(userPseudonym(accounts[1])).toBe("user #9");
    expect(hideEmailsInJson({ to: "ops@example.org", n: 1 }, accounts)).toEqual({ to: "user #9", n: 1 });
  });
});
