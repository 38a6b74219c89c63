import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { readMail, startFakeProviders } from "@/lib/testing/fake-providers";
import { makeCaregiver, makePatient, TEST_PASSWORD, type TestCaregiver } from "@/lib/testing/factories";
import * as invitations from "../organizations/[id]/invitations/route";
import * as settings from "../organizations/[id]/settings/route";
import * as revoke from "./[id]/revoke/route";
import * as resend from "./[id]/resend/route";
import * as accept from "./accept/route";
import * as patient from "../patients/[id]/route";
import * as careTeam from "../patients/[id]/care-team/route";
import * as apiKeys from "../auth/api-keys/route";

/** Invitations go out by a real SMTP conversation with a local server: the link is read from the email, as the invitee would. */
let fake: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => {
  fake = await startFakeProviders({ twilio: false });
});
afterAll(() => fake.stop());

/** The token in the newest email to `to` (quoted-printable soft breaks undone). */
function tokenSentTo(to: string): string {
  const mail = fake.emails.filter((m) => m.to === to).at(-1);
  const m = mail?.raw.replace(/=\r?\n/g, "").match(/elda_inv_[A-Za-z0-9_-]+/);
  if (!m) throw new Error(`no invitation link to ${to}`);
  return m[0];
}

const invite = (who: TestCaregiver, body: Record<string, unknown>) => call(invitations.POST, { token: who.token, params: { id: who.organizationId }, body });
const address = () => `invitee-${crypto.randomUUID()}@example.test`;
const signUp = { first_name: "Nora", last_name: "Nurse", password: "Plenty-long-passphrase-42" };

describe("invitations", () => {
  it("answers the same whether or not the address has an account, and lists who invited whom", async () => {
    const owner = await makeCaregiver({ firstName: "Olive" });
    const existing = await makeCaregiver();
    const a = await invite(owner, { email: existing.email });
    const b = await invite(owner, { email: address() });
    expect([a.status, b.status]).toEqual([201, 201]);
    const same = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([k]) => !/id$|^email$|_at$/.test(k)));
    expect(same(a.body)).toEqual(same(b.body));
    expect(a.body).toMatchObject({ status: "pending", channel: "email", role: "member", invited_by: { caregiver_id: owner.id, name: "Olive Tester" } });
    // 7 days by default
    expect(new Date(a.body.expires_at).getTime() - new Date(a.body.created_at).getTime()).toBe(7 * 86_400_000);
    const list = await call(invitations.GET, { token: owner.token, params: { id: owner.organizationId } });
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.body.id, b.body.id].sort());
    // only the hash is kept; the email carries the link
    const row = await db.invitation.findUniqueOrThrow({ where: { id: a.body.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenSentTo(existing.email)).not.toContain(row.tokenHash);
    expect(await db.notificationAttempt.count({ where: { purpose: "invitation", recipient: existing.email, status: "sent" } })).toBe(1);
  });

  it("the message is in the inviter's language: a Spanish-speaking owner's invitation reads in Spanish, an English one in English", async () => {
    const abuela = await makeCaregiver({ firstName: "Rosa" });
    await db.caregiver.update({ where: { id: abuela.id }, data: { language: "es" } });
    const hijo = address();
    expect((await invite(abuela, { email: hijo })).status).toBe(201);
    const spanish = readMail(fake.emails.filter((m) => m.to === hijo).at(-1)!.raw);
    expect(spanish.subject).toMatch(/^Rosa Tester le ha invitado a .* en Elda$/);
    expect(spanish.text).toMatch(/el enlace funciona una sola vez, hasta el \w+, \d+ de \w+ de \d{4}/);
    expect(spanish.text).not.toContain("invited you");
    const english = address();
    await invite(await makeCaregiver({ firstName: "Olive" }), { email: english });
    expect(readMail(fake.emails.filter((m) => m.to === english).at(-1)!.raw).text).toMatch(/the link works once, until \w+, \w+ \d+, \d{4}/);
  });

  it("a new person signs up with the link, joins, and lands on the named patient's care team with its standing", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const email = address();
    const inv = await invite(owner, { email, patient_id: p.id, standing: "viewer" });
    const token = tokenSentTo(email);
    const joined = await call(accept.POST, { body: { token, sign_up: signUp } });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ organization_id: owner.organizationId, role: "member", patient_id: p.id, standing: "viewer" });
    expect(joined.body.access_token).toBeTruthy();
    const me = await db.caregiver.findUniqueOrThrow({ where: { email } });
    expect((await call(patient.GET, { token: joined.body.access_token, params: { id: p.id } })).status).toBe(200);
    expect(await db.careTeamMember.findFirst({ where: { patientId: p.id, caregiverId: me.id } })).toMatchObject({ standing: "viewer" });
    // single use
    const twice = await call(accept.POST, { body: { token, sign_in: { email, password: signUp.password } } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("invitation_accepted");
    const listed = (await call(invitations.GET, { token: owner.token, params: { id: owner.organizationId } })).body.items[0];
    expect(listed).toMatchObject({ id: inv.body.id, status: "accepted", accepted_by: { caregiver_id: me.id, name: "Nora Nurse" } });
  });

  it("an existing account signs in with the link (or accepts already signed in) and joins", async () => {
    const owner = await makeCaregiver();
    const daughter = await makeCaregiver();
    await invite(owner, { email: daughter.email });
    const viaSignIn = await call(accept.POST, { body: { token: tokenSentTo(daughter.email), sign_in: { email: daughter.email, password: TEST_PASSWORD } } });
    expect(viaSignIn.status).toBe(200);
    expect(await db.membership.count({ where: { organizationId: owner.organizationId, caregiverId: daughter.id } })).toBe(1);
    // signing up with an address that has an account: sign in instead (only the link's holder learns it)
    const son = await makeCaregiver();
    await invite(owner, { email: son.email });
    const token = tokenSentTo(son.email);
    expect((await call(accept.POST, { body: { token, sign_up: signUp } })).body.code).toBe("email_taken");
    expect((await call(accept.POST, { body: { token } })).status).toBe(401);
    const signedIn = await call(accept.POST, { token: son.token, body: { token } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.access_token).toBeUndefined();
    expect(signedIn.body.caregiver_id).toBe(son.id);
  });

  it("revoked, expired and resent links stop working; expiry follows the organization's setting", async () => {
    const owner = await makeCaregiver();
    const org = owner.organizationId;
    expect((await call(settings.PATCH, { method: "PATCH", token: owner.token, params: { id: org }, body: { invitations: { expiry_days: 2 } } })).status).toBe(
      200,
    );
    const email = address();
    const inv = (await invite(owner, { email })).body;
    expect(new Date(inv.expires_at).getTime() - new Date(inv.created_at).getTime()).toBe(2 * 86_400_000);
    const first = tokenSentTo(email);
    const again = await call(resend.POST, { token: owner.token, params: { id: inv.id } });
    expect(again.body).toMatchObject({ send_count: 2, status: "pending" });
    const second = tokenSentTo(email);
    expect(second).not.toBe(first);
    expect((await call(accept.POST, { body: { token: first, sign_up: signUp } })).status).toBe(404);
    expect((await call(revoke.POST, { token: owner.token, params: { id: inv.id } })).body.status).toBe("revoked");
    expect((await call(accept.POST, { body: { token: second, sign_up: signUp } })).body.code).toBe("invitation_revoked");
    expect((await call(resend.POST, { token: owner.token, params: { id: inv.id } })).status).toBe(409);

    const late = address();
    const old = (await invite(owner, { email: late })).body;
    await db.invitation.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(accept.POST, { body: { token: tokenSentTo(late), sign_up: signUp } })).body.code).toBe("invitation_expired");
    expect(await db.caregiver.count({ where: { email: late } })).toBe(0);
    const expired = await call(invitations.GET, { token: owner.token, params: { id: org }, path: "/x?status=expired" });
    expect(expired.body.items.map((i: { id: string }) => i.id)).toEqual([old.id]);
  });

  it("by SMS: recorded on the SMS channel (simulated without credentials); an SMS invitee signs up with an email", async () => {
    const owner = await makeCaregiver();
    const r = await invite(owner, { phone_number: "+15550101234" });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ channel: "sms", phone_number: "+15550101234", email: null });
    expect(await db.notificationAttempt.count({ where: { purpose: "invitation", recipient: "+15550101234", status: "simulated" } })).toBe(1);
  });

  it("refuses what it should, changing nothing", async () => {
    const owner = await makeCaregiver();
    const org = owner.organizationId;
    const member = await makeCaregiver({ organizationId: org });
    const outsider = await makeCaregiver();
    const before = await db.invitation.count({ where: { organizationId: org } });
    expect((await invite(owner, {})).status).toBe(422);
    expect((await invite(owner, { email: address(), phone_number: "+15550101234" })).status).toBe(422);
    expect((await invite(owner, { email: address(), standing: "viewer" })).status).toBe(422);
    expect((await invite(owner, { email: member.email })).body.code).toBe("already_member");
    expect((await invite(member, { email: address() })).status).toBe(403);
    expect((await call(invitations.POST, { token: outsider.token, params: { id: org }, body: { email: address() } })).status).toBe(404);
    const theirs = await makePatient(outsider);
    expect((await invite(owner, { email: address(), patient_id: theirs.id })).status).toBe(404);
    const readKey = (await call(apiKeys.POST, { token: owner.token, body: { name: "Read", scopes: ["read"] } })).body.key;
    expect((await call(invitations.POST, { token: readKey, params: { id: org }, body: { email: address() } })).status).toBe(403);
    expect((await call(invitations.GET, { token: readKey, params: { id: org } })).status).toBe(200);
    expect(await db.invitation.count({ where: { organizationId: org } })).toBe(before);
    // a facility admin invites members (not admins)
    const fa = await makeCaregiver({ organizationId: org, role: "admin" });
    const main = await db.facility.findFirstOrThrow({ where: { organizationId: org } });
    await db.membership.update({ where: { organizationId_caregiverId: { organizationId: org, caregiverId: fa.id } }, data: { facilityIds: [main.id] } });
    expect((await invite(fa, { email: address(), role: "admin" })).status).toBe(403);
    expect((await invite(fa, { email: address() })).status).toBe(201);
    // another organization's invitation is not found; the inviter or an owner revokes
    const inv = (await invite(owner, { email: address() })).body;
    expect((await call(revoke.POST, { token: outsider.token, params: { id: inv.id } })).status).toBe(404);
    expect((await call(revoke.POST, { token: member.token, params: { id: inv.id } })).status).toBe(404);
  });

  it("a care team's 'add by email' for someone outside the organization sends an invitation the person accepts", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const email = address();
    const r = await call(careTeam.POST, { token: owner.token, params: { id: p.id }, body: { email, standing: "secondary" } });
    expect(r.status).toBe(202);
    const joined = await call(accept.POST, { body: { token: tokenSentTo(email), sign_up: signUp } });
    expect(joined.body).toMatchObject({ patient_id: p.id, standing: "secondary" });
    const team = await call(careTeam.GET, { token: owner.token, params: { id: p.id } });
    expect(team.body.items.map((m: { email: string }) => m.email)).toContain(email);
  });
});
