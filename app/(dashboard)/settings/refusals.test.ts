import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password";
import en from "@/messages/en/settings.json";
import enTwoFactor from "@/messages/en/twoFactor.json";
import { localizeRefusal, localizeState } from "./refusals";

describe("localizeRefusal", () => {
  it("leaves English as written", () => {
    expect(localizeRefusal("The current password is not correct.", "en")).toBe("The current password is not correct.");
  });

  it("says this area's refusals in Spanish, and the shared catalogue's too", () => {
    expect(localizeRefusal("The current password is not correct.", "es")).toBe("La contraseña actual no es correcta.");
    expect(localizeRefusal("That code is not right, or was already used.", "es")).toBe("Ese código no es correcto o ya se ha usado.");
    expect(localizeRefusal("Enter your current password.", "es")).not.toBe("Enter your current password.");
    expect(localizeRefusal("Something nobody wrote down.", "es")).toBe("Something nobody wrote down.");
  });

  it("puts the number of a sentence with one into the Spanish one", () => {
    expect(localizeRefusal(`Use at least ${MIN_PASSWORD_LENGTH} characters.`, "es")).toBe(`Use al menos ${MIN_PASSWORD_LENGTH} caracteres.`);
    expect(localizeRefusal("Too many failed sign-in attempts. Try again in 1 minutes.", "es")).toBe(
      "Demasiados intentos fallidos de inicio de sesión. Vuelva a intentarlo dentro de 1 minuto.",
    );
    expect(localizeRefusal("Too many failed sign-in attempts. Wait 30 seconds and try again.", "es")).toBe(
      "Demasiados intentos fallidos de inicio de sesión. Espere 30 segundos y vuelva a intentarlo.",
    );
  });

  it("knows every refusal of the password rules", () => {
    for (const pw of ["short", "password123456", "aaaaaaaaaaaaaaaa", "sarah.miller-garden-1"]) {
      const problem = passwordProblem(pw, ["sarah.miller@example.com", "Sarah", "Miller"]);
      expect(problem).not.toBeNull();
      expect(localizeRefusal(problem!, "es")).not.toBe(problem);
    }
  });

  it("has a Spanish sentence for each English one", () => {
    for (const text of [...Object.values(en.refusals), ...Object.values(enTwoFactor.refusals)]) expect(localizeRefusal(text, "es")).not.toBe(text);
  });

  it("translates a form state's message and field errors", () => {
    const state = localizeState(
      { message: "Some fields need your attention.", fieldErrors: { confirm_password: "The two new passwords are not the same." }, values: {}, attempt: 1 },
      "es",
    );
    expect(state.fieldErrors.confirm_password).toBe("Las dos contraseñas nuevas no coinciden.");
    expect(state.message).not.toBe("Some fields need your attention.");
  });
});
