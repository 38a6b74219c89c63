import { describe, expect, it } from "vitest";
import { isLocale, localeOf } from "./locales";

describe("locales", () => {
  it("maps a stored tag to a catalogue language, English for any language without one", () => {
    expect(localeOf("es")).toBe("es");
    expect(localeOf("es-MX")).toBe("es");
    expect(localeOf("ES_es")).toBe("es");
    expect(localeOf("en-GB")).toBe("en");
    expect(localeOf("fr")).toBe("en");
    expect(localeOf("")).toBe("en");
    expect(localeOf(null)).toBe("en");
  });
  it("knows only en and es as caregiver languages", () => {
    expect(isLocale("es")).toBe(true);
    expect(isLocale("es-MX")).toBe(false);
    expect(isLocale(3)).toBe(false);
  });
});
