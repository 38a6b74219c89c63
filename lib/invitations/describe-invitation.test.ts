import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { createInvitation } from "./invitations";
import { describeInvitation } from "./describe-invitation";

describe("describeInvitation (what the invitation link's page shows)", () => {
  it("says who invited whom to what, masks a phone number, names no patient; unknown tokens are null", async () => {
    const owner = await makeCaregiver({ firstName: "Olive" });
    const p = await makePatient(owner);
    const now = new Date();
    const inv = await createInvitation(
      owner.actor,
      owner.organizationId,
      { phone_number: "+15551234567", role: "member", patient_id: p.id, standing: "viewer" },
      now,
    );
    // the real token exists only in the message: give the row one the test knows
    const token = `elda_inv_${crypto.randomUUID()}`;
    const { hashSecret } = await import("@/lib/auth/secrets");
    await db.invitation.update({ where: { id: inv.id }, data: { tokenHash: hashSecret(token) } });
    const d = await describeInvitation(token, now);
    expect(d).toMatchObject({
      status: "pending",
      inviter_name: "Olive Tester",
      phone: "•••• 4567",
      email: null,
      role: "member",
      names_patient: true,
      standing: "viewer",
    });
    expect(JSON.stringify(d)).not.toContain(p.id);
    expect(await describeInvitation(`${token}x`, now)).toBeNull();
    expect(await describeInvitation("short", now)).toBeNull();
    expect((await describeInvitation(token, new Date(now.getTime() + 30 * 86_400_000)))?.status).toBe("expired");
  });
});
