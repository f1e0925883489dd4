import { describe, expect, it } from "vitest";
import { outletMatchKey, personMatchKey } from "./normalise";
import { suggestionReason, type IdentityEntry } from "./suggestions";

const WH = "The White House";
const person = (id: number, name: string, scope: string | null = WH): IdentityEntry => ({ id, name, slug: `s${id}`, uses: 1, keys: [personMatchKey(name, scope)!] });
const outlet = (id: number, name: string): IdentityEntry => ({ id, name, slug: `o${id}`, uses: 1, keys: [outletMatchKey(name)!] });

describe("suggestionReason", () => {
  it("suggests OCR and typing slips of a surname in the same archive", () => {
    expect(suggestionReason("speaker", person(1, "MR. SULLIVAN"), person(2, "MR. SULLIAN"))).toBe("similar spelling in the same archive");
    expect(suggestionReason("speaker", person(1, "DR. WALENSKY"), person(2, "DR. WALESNKY"))).toBe("similar spelling in the same archive");
    expect(suggestionReason("speaker", person(1, "MS. JEAN-PIERRE"), person(2, "MS. JEAN-PIERE"))).not.toBeNull();
  });

  it("suggests a bare surname next to the full name", () => {
    expect(suggestionReason("speaker", person(1, "Felix Belair", "US"), person(2, "Mr. Belair", "US"))).toBe("same surname, one label has the full name");
  });

  it("does not suggest different people or roles", () => {
    expect(suggestionReason("speaker", person(1, "MR. SULLIVAN"), person(2, "MR. SULLIVAN", "Department of State"))).toBeNull();
    expect(suggestionReason("speaker", person(1, "MS. PSAKI"), person(2, "MR. KIRBY"))).toBeNull();
    expect(suggestionReason("speaker", person(1, "SENIOR ADMINISTRATION OFFICIAL"), person(2, "SENIOR ADMINISTRATION OFFIAL"))).toBeNull();
  });

  it("flags rows with the same normalised label (e.g. from before aliases existed)", () => {
    expect(suggestionReason("speaker", person(1, "MS. PSAKI"), person(2, "QMS. PSAKI"))).toBe("same label once normalised");
  });

  it("suggests outlets by spelling and by initials", () => {
    expect(suggestionReason("outlet", outlet(1, "AFP"), outlet(2, "Agence France-Presse"))).toBe("initials");
    expect(suggestionReason("outlet", outlet(1, "China Radio International"), outlet(2, "CRI"))).toBe("initials");
    expect(suggestionReason("outlet", outlet(1, "Reuters"), outlet(2, "AFP"))).toBeNull();
  });
});
