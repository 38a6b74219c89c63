import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/messages/en/analytics.json";
import es from "@/messages/es/analytics.json";
import { MAX_DAILY_DAYS, pageRange } from "./range";
import { rangeErrorKey } from "./range-errors";

const say = (messages: typeof en, locale: "en" | "es", message: string) => {
  const found = rangeErrorKey(message);
  if (!found) return undefined;
  const t = createTranslator({ locale, messages: { analytics: messages }, namespace: "analytics.rangeErrors" });
  return t(found.key, { max: found.max });
};

describe("the reports' range refusals in the caregiver's language", () => {
  const today = "2026-04-30";
  const refusals = [
    pageRange({ period: "custom", from: "", to: "2026-04-01" }, today).errors.from,
    pageRange({ period: "custom", from: "2026-04-05", to: "2026-04-01" }, today).errors.to,
    pageRange({ period: "custom", from: "2020-01-01", to: "2026-04-01" }, today).errors.from,
    pageRange({ period: "30", granularity: "hour" }, today).errors.granularity,
    pageRange({ period: "365", granularity: "day" }, today).errors.granularity,
  ];

  it("knows every sentence pageRange writes, and its English catalogue says it word for word", () => {
    for (const message of refusals) {
      expect(message).toBeTruthy();
      expect(say(en, "en", message!), message).toBe(message);
    }
  });

  it("says them in Spanish", () => {
    expect(say(es, "es", refusals[1]!)).toBe("El final del periodo debe ser igual o posterior a su inicio.");
    expect(say(es, "es", refusals[4]!)).toContain(`más de ${MAX_DAILY_DAYS} días`);
    expect(rangeErrorKey("Use a date as YYYY-MM-DD.")).toBeUndefined();
  });
});
