import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password";
import en from "@/messages/en/validation.json";
import { translateFormState, translateServerMessage as say } from "./server-messages";

/** Every source file of the app (not tests, not the generated client): where a refusal must still be written. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return path.includes("generated") ? [] : sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [readFileSync(path, "utf8")] : [];
  });
}
const CODE = [...sources("lib"), ...sources("app")].join("\n");

describe("the domain's refusals on dashboard forms, in the caregiver's language", () => {
  it("leaves English, and sentences the catalogue does not know, as written", () => {
    expect(say("The current password is not correct.", "en")).toBe("The current password is not correct.");
    expect(say("Something nobody wrote down.", "es")).toBe("Something nobody wrote down.");
  });

  it("says fixed sentences in Spanish", () => {
    expect(say("The current password is not correct.", "es")).toBe("La contraseña actual no es correcta.");
    expect(say("That code is not right, or was already used.", "es")).toBe("Ese código no es correcto o ya se ha usado.");
    expect(say("This member is an owner already.", "es")).toBe("Este miembro ya es propietario.");
  });

  it("carries the values of a sentence with values in it into the Spanish one", () => {
    expect(say(`Use at least ${MIN_PASSWORD_LENGTH} characters.`, "es")).toBe(`Use al menos ${MIN_PASSWORD_LENGTH} caracteres.`);
    expect(say("Too many failed sign-in attempts. Try again in 1 minutes.", "es")).toBe(
      "Demasiados intentos fallidos de inicio de sesión. Vuelva a intentarlo dentro de 1 minuto.",
    );
    expect(say("Too many failed sign-in attempts. Wait 30 seconds and try again.", "es")).toBe(
      "Demasiados intentos fallidos de inicio de sesión. Espere 30 segundos y vuelva a intentarlo.",
    );
    expect(say("Member not found.", "es")).toBe("No se encontró el miembro.");
    expect(say("Type the organization's name exactly as shown: Casa Sol", "es")).toBe(
      "Escriba el nombre de la organización exactamente como aparece: Casa Sol",
    );
    expect(say("This transfer is declined.", "es")).toBe("Este traslado se rechazó.");
    expect(
      say("You are the only primary caregiver of Rosa Pérez. Make someone else their primary caregiver first, so escalation always has someone to call.", "es"),
    ).toBe(
      "Usted es el único cuidador principal de Rosa Pérez. Haga antes cuidador principal a otra persona, para que el escalado siempre tenga a quién llamar.",
    );
    expect(
      say(
        "2 patient transfers out of this organization are pending. Wait until the destination accepts or declines it, or it expires, before deleting the organization.",
        "es",
      ),
    ).toMatch(/^Hay 2 traslados de pacientes fuera de esta organización pendientes\./);
  });

  it("knows every refusal of the password rules", () => {
    for (const pw of ["short", "password123456", "aaaaaaaaaaaaaaaa", "sarah.miller-garden-1"]) {
      const problem = passwordProblem(pw, ["sarah.miller@example.com", "Sarah", "Miller"]);
      expect(problem).not.toBeNull();
      expect(say(problem!, "es")).not.toBe(problem);
    }
  });

  it("has a Spanish sentence for every refusal, and knows only sentences the code still writes (a reworded one would silently stay English)", () => {
    for (const text of Object.values(en.refusals)) {
      expect(say(text, "es"), text).not.toBe(text);
      // "API key not found." is put together by buttonAction from its ids' names
      if (text !== "API key not found.") expect(CODE, text).toContain(text);
    }
  });

  it("translates a form state's message and field errors", () => {
    const state = translateFormState(
      { message: "Some fields need your attention.", fieldErrors: { confirm_password: "The two new passwords are not the same." }, values: {}, attempt: 1 },
      "es",
    );
    expect(state.fieldErrors.confirm_password).toBe("Las dos contraseñas nuevas no coinciden.");
    expect(state.message).not.toBe("Some fields need your attention.");
  });
});
