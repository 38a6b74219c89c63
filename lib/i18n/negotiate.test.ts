import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it("takes the browser's most wanted language we have", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4")).toBe("es");
    expect(negotiateLocale("en-US,en;q=0.9,es;q=0.8")).toBe("en");
    expect(negotiateLocale("de, es;q=0.2, en;q=0.7")).toBe("en");
  });
  it("falls back to English for nothing, nonsense or a refused language", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("fr")).toBe("en");
    expect(negotiateLocale("es;q=0, fr")).toBe("en");
    expect(negotiateLocale(";;;,,,q=")).toBe("en");
  });
});
