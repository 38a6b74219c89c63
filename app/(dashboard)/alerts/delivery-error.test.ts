import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/alerts.json";
import { SMS_CONTACT_REFUSAL } from "@/lib/notifications/sms-contact-guard";
import { deliveryErrorKey } from "./delivery-error";

const source = (path: string) => readFileSync(path, "utf8");

describe("deliveryErrorKey", () => {
  it("finds the fixed reasons the senders write, by their English text", () => {
    const senders = [
      "lib/alerts/escalate-alerts.ts",
      "lib/notifications/claim-attempts.ts",
      "lib/notifications/dispatch.ts",
      "lib/notifications/channels/web-push.ts",
    ].map(source);
    // still written as the catalogue has them (a changed sentence would silently show in English)
    for (const key of ["noBrowser", "noPhone", "internal", "nothingToSend", "notSent", "subscriptionRemoved"] as const) {
      expect(
        senders.some((s) => s.includes(JSON.stringify(en.detail.deliveryError[key]))),
        key,
      ).toBe(true);
    }
    expect(source("lib/notifications/dispatch.ts")).toContain("`The alert was ${alert.status} before this message went out.`");
    expect(deliveryErrorKey("The alert was acknowledged before this message went out.")).toBe("alertAcknowledged");
    expect(deliveryErrorKey("The alert was auto_resolved before this message went out.")).toBe("alertAutoResolved");
    expect(deliveryErrorKey(SMS_CONTACT_REFUSAL)).toBe("smsContactRefused");
    expect(deliveryErrorKey("No phone number on the caregiver's profile.")).toBe("noPhone");
  });

  it("leaves a provider's own message alone", () => {
    expect(deliveryErrorKey("Twilio: 30003")).toBeUndefined();
  });
});
