import "server-only";
import { db } from "@/lib/db/client";
import { consentInForceSql } from "@/lib/consents/consent-in-force";

export const SMS_CONTACT_REFUSAL = "This number is a patient's own phone, and their sms_contact consent is not in force.";

/**
 * The `sms_contact` guard (SPEC §8): every SMS Elda sends, and every reply to an incoming one, asks it first.
 * A number that is some patient's own phone (any organization's; a household may share one phone) gets a
 * text only while each such patient's `sms_contact` consent is in force (not recorded counts as refused).
 * Returns why the message must not go, or null.
 */
export async function smsContactRefusal(to: string): Promise<string | null> {
  const [row] = await db.$queryRawUnsafe<{ refused: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM patients p WHERE p.phone_number = $1 AND NOT ${consentInForceSql("sms_contact", "p.id")}) AS refused`,
    to,
  );
  return row.refused ? SMS_CONTACT_REFUSAL : null;
}
