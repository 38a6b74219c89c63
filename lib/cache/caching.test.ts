import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/api/errors";
import { call } from "@/lib/testing/http";
import { countQueries } from "@/lib/testing/count-queries";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import { createSession, sessionState } from "@/lib/auth/sessions";
import { getPatient } from "@/lib/patients/get-patient";
import { removeCareTeamMember } from "@/lib/care-team/care-team";
import { assertPatientAccess, visibleScope } from "@/lib/auth/policy";
import { organizationSettingsFor, updateOrganizationSettings } from "@/lib/orgs/settings";
import { forgetSecurityPolicies } from "@/lib/orgs/security-policy";
import * as overview from "@/app/api/v1/overview/route";
import { withRequestMemo } from "./request-memo";

describe("access lookups memoised per read request", () => {
  it("a read request asks who may see what once however often its code asks; a transaction and the next request ask again", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner);
    const helper = await makeCaregiver();
    await joinCareTeam(patient.id, helper.id, "viewer");
    const twice = () => Promise.all([visibleScope(db, helper.id), visibleScope(db, helper.id, {}), assertPatientAccess(db, helper.actor, patient.id, "read")]);
    await twice(); // warm: Prisma's first use of each query
    const plain = await countQueries(twice);
    const memo = await countQueries(() => withRequestMemo(twice));
    // three lookups of which two are the same: one scope lookup saved
    const scope = await countQueries(() => visibleScope(db, helper.id));
    expect(plain.queries - memo.queries).toBe(scope.queries);
    expect(memo.result).toEqual(plain.result);
    // in a transaction (a write deciding on what is stored) the lookup is always made
    const inTx = await countQueries(() =>
      withRequestMemo(() => db.$transaction(async (tx) => [await visibleScope(tx, helper.id), await visibleScope(tx, helper.id)])),
    );
    expect(inTx.queries).toBeGreaterThanOrEqual(2 * scope.queries + 2);

    // a memo lives for one request: once removed from the team, the next request cannot see the patient
    await withRequestMemo(() => getPatient(helper.actor, patient.id, new Date()));
    await removeCareTeamMember(owner.actor, patient.id, helper.id);
    await expect(withRequestMemo(() => getPatient(helper.actor, patient.id, new Date()))).rejects.toBeInstanceOf(NotFound);
  });
});

describe("organization settings and the security policy kept 30 s per instance", () => {
  it("a second read costs no query; a change made here applies at once", async () => {
    const owner = await makeCaregiver();
    const first = await countQueries(() => organizationSettingsFor(db, owner.organizationId));
    const second = await countQueries(() => organizationSettingsFor(db, owner.organizationId));
    expect(first.queries).toBeGreaterThanOrEqual(1);
    expect(second.queries).toBe(0);
    await updateOrganizationSettings(owner.actor, owner.organizationId, { reminders: { snooze_minutes: 25 } });
    expect((await organizationSettingsFor(db, owner.organizationId)).reminders.snooze_minutes).toBe(25);
  });

  it("the home page's poll with a dashboard cookie checks the session with fewer queries once the policy is kept; a stricter idle timeout applies at once", async () => {
    const cg = await makeCaregiver();
    await makePatient(cg);
    const session = await createSession(db, cg.id, "web", {}, new Date());
    const name = "authjs.session-token";
    const cookie = `${name}=${await encode({ token: { sub: cg.id, sid: session.id }, secret: config().authSecret, salt: name })}`;
    const poll = () => call(overview.GET, { path: "/api/v1/overview", headers: { cookie } });
    expect((await poll()).status).toBe(200);
    forgetSecurityPolicies();
    const cold = await countQueries(() => sessionState(session.id, cg.id, new Date(Date.now() + 1)));
    const warm = await countQueries(() => sessionState(session.id, cg.id, new Date(Date.now() + 1)));
    expect(warm.queries).toBeLessThan(cold.queries);
    const polled = await countQueries(poll);
    expect(polled.result.status).toBe(200);

    await updateOrganizationSettings(cg.actor, cg.organizationId, { security: { idle_timeout_minutes: 5 } });
    expect((await sessionState(session.id, cg.id, new Date(Date.now() + 6 * 60_000))).live).toBe(false);
  });
});
