import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/organization.json";
import { sayRefusal } from "./refusals";

const DOMAIN = [
  "lib/orgs/organizations.ts",
  "lib/orgs/facilities.ts",
  "lib/orgs/lifecycle.ts",
  "lib/invitations/invitations.ts",
  "lib/invitations/accept-invitation.ts",
  "lib/transfers/transfers.ts",
  "lib/auth/two-factor/reset.ts",
]
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");

describe("the organization forms' refusals in the caregiver's language", () => {
  it("knows only sentences the domain still writes (a reworded one would silently stay English)", () => {
    const fixed = Object.values(en.refusals).filter((s) => !s.includes("{"));
    for (const sentence of fixed) expect(DOMAIN, sentence).toContain(sentence);
  });

  it("leaves English, and sentences it does not know, as written", () => {
    expect(sayRefusal("This member is an owner already.", "en")).toBe("This member is an owner already.");
    expect(sayRefusal("Something else entirely.", "es")).toBe("Something else entirely.");
  });

  it("says fixed sentences and sentences with values in Spanish", () => {
    expect(sayRefusal("This member is an owner already.", "es")).toBe("Este miembro ya es propietario.");
    expect(sayRefusal("Member not found.", "es")).toBe("No se encontró el miembro.");
    expect(sayRefusal("Type the organization's name exactly as shown: Casa Sol", "es")).toBe(
      "Escriba el nombre de la organización exactamente como aparece: Casa Sol",
    );
    expect(sayRefusal("This transfer is declined.", "es")).toBe("Este traslado se rechazó.");
    expect(
      sayRefusal(
        "You are the only primary caregiver of Rosa Pérez. Make someone else their primary caregiver first, so escalation always has someone to call.",
        "es",
      ),
    ).toBe(
      "Usted es el único cuidador principal de Rosa Pérez. Haga antes cuidador principal a otra persona, para que el escalado siempre tenga a quién llamar.",
    );
    expect(
      sayRefusal(
        "2 patient transfers out of this organization are pending. Wait until the destination accepts or declines it, or it expires, before deleting the organization.",
        "es",
      ),
    ).toMatch(/^Hay 2 traslados de pacientes fuera de esta organización pendientes\./);
  });
});
