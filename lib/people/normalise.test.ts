import { describe, expect, it } from "vitest";
import { editDistance, outletInitials, outletMatchKey, personIdentity, personMatchKey } from "./normalise";

// Every label below is printed in ../shared/corpus (White House 2021–2025, US presidential
// news conferences 1960–1980, MFA 2016–2020).

const WH = "The White House";
const key = (label: string, scope: string | null = WH) => personMatchKey(label, scope);

describe("personMatchKey", () => {
  it("folds honorifics, punctuation, case and the stray Q prefix", () => {
    const variants = ["MS. PSAKI", "MS PSAKI", "QMS. PSAKI", "M. PSAKI", "S. PSAKI", "MR. PSAKI", "Psaki", "PSAKI:"];
    for (const label of variants) expect(key(label), label).toBe(key("MS. PSAKI"));
    expect(key("MS. PSAKI")).toMatch(/^surname:the white house:/);
  });

  it("drops office titles that change over the years", () => {
    expect(key("PRESS SECRETARY PSAKI")).toBe(key("MS. PSAKI"));
    expect(key("ACTING ADMINISTRATOR SLAVITT")).toBe(key("MR. SLAVITT"));
    expect(key("ACTING ADMINSTRATOR SLAVITT")).toBe(key("MR. SLAVITT"));
    expect(key("ACTING ADMINISTRATION SLAVITT")).toBe(key("MR. SLAVITT"));
    expect(key("CHAIR BERNSTEIN")).toBe(key("MR. BERNSTEIN"));
    expect(key("DIRECTOR YOUNG")).toBe(key("MS. YOUNG"));
    expect(key("ACTING DIRECTOR YOUNG")).toBe(key("MS. YOUNG"));
    expect(key("SURGEON GENERAL MURTHY")).toBe(key("DR. MURTHY"));
    expect(key("SECRETARY FOWLER SECRETARY FOWLER", "US")).toBe(key("SECRETARY FOWLER", "US"));
  });

  it("keeps names that merely look alike apart (those are suggestions, not automatic)", () => {
    expect(key("MR. SULLIAN")).not.toBe(key("MR. SULLIVAN"));
    expect(key("MS. JEAN-PIERE")).not.toBe(key("MS. JEAN-PIERRE"));
    expect(key("MR. KIRBY")).not.toBe(key("MR. KIRK"));
  });

  it("folds OCR look-alike characters", () => {
    expect(key("MR. SULL1VAN")).toBe(key("MR. SULLIVAN"));
    expect(key("MR. Z0LLER")).toBe(key("MR. ZOLLER"));
  });

  it("scopes a bare surname to its archive, but matches full names everywhere", () => {
    expect(key("MR. SULLIVAN", "The White House")).not.toBe(key("MR. SULLIVAN", "Department of State"));
    expect(key("Geng Shuang", "Ministry of Foreign Affairs")).toBe(key("Geng Shuang", null));
    expect(key("耿爽", "外交部")).toBe(key("耿爽", null));
    expect(key("Lyndon B. Johnson", "US")).toBe(key("Lyndon Johnson", "Other"));
    expect(key("Rowland Evans, Jr.", "US")).toBe(key("Rowland Evans", "US"));
    expect(key("Mrs. May Craig", "US")).toBe(key("May Craig", null));
  });

  it("treats roles as their own speakers, never as a named person", () => {
    const role = personIdentity("SENIOR ADMINISTRATION OFFICIAL", WH);
    expect(role).toEqual({ kind: "role", key: "role:the white house:senior administration official" });
    expect(key("SENIOR ADMINISTRATION OFFICIAL")).not.toBe(key("SENIOR ADMINISTRATION OFFICIAL", "Department of State"));
    expect(personIdentity("THE PRESIDENT", WH)?.kind).toBe("role");
    expect(personIdentity("NSC SPOKESPERSON", WH)?.kind).toBe("role");
    expect(personIdentity("WHITE HOUSE AIDE", WH)?.kind).toBe("role");
    expect(personIdentity("THE SOLICITOR GENERAL", "US")?.kind).toBe("role");
    expect(personIdentity("MR", WH)?.kind).toBe("role");
    expect(key("SENIOR ADMINISTRATION OFFICIAL ONE")).not.toBe(key("SENIOR ADMINISTRATION OFFICIAL"));
    // "PRESIDENT TRUMAN" names a person (a former president) in the US file.
    expect(personIdentity("PRESIDENT TRUMAN", "US")).toMatchObject({ kind: "person", surname: "truman" });
  });

  it("returns null for generic labels", () => {
    for (const label of ["Q", "Q.", "问", "记者", "Follow-up", "", "  "]) expect(key(label), label).toBeNull();
  });
});

describe("outletMatchKey", () => {
  it("folds case, agency suffixes and the Chinese 记者 and 《》", () => {
    expect(outletMatchKey("Reuters")).toBe("outlet:reuters");
    expect(outletMatchKey("REUTERS")).toBe("outlet:reuters");
    expect(outletMatchKey("Reuters News Agency")).toBe("outlet:reuters");
    expect(outletMatchKey("Bloomberg News")).toBe(outletMatchKey("Bloomberg"));
    expect(outletMatchKey("Kyodo News")).toBe(outletMatchKey("Kyodo"));
    expect(outletMatchKey("The Paper")).toBe(outletMatchKey("Paper"));
    expect(outletMatchKey("路透社记者")).toBe("outlet:路透社");
    expect(outletMatchKey("《北京青年报》记者")).toBe(outletMatchKey("北京青年报记者"));
    expect(outletMatchKey("China News Service")).not.toBe(outletMatchKey("China"));
  });

  it("names no outlet for generic askers", () => {
    for (const label of ["Journalist", "记者", "Follow-up"]) expect(outletMatchKey(label), label).toBeNull();
  });

  it("gives initials for acronym suggestions", () => {
    expect(outletInitials("Agence France-Presse")).toBe("afp");
    expect(outletInitials("Associated Press of Pakistan")).toBe("app");
    expect(outletInitials("China Radio International")).toBe(outletMatchKey("CRI")!.slice("outlet:".length));
  });
});

describe("editDistance", () => {
  it("counts edits and stops early past the cap", () => {
    expect(editDistance("sullivan", "sullian")).toBe(1);
    expect(editDistance("walensky", "walesnky")).toBe(2);
    expect(editDistance("psaki", "kirby", 2)).toBe(3);
  });
});
