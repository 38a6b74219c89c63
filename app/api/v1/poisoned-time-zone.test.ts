import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder } from "@/lib/testing/factories";
import * as overview from "./overview/route";
import * as analytics from "./analytics/route";
import * as patientAnalytics from "./patients/[id]/analytics/route";

/*
 * One patient's stored zone is one PostgreSQL does not know (written past validation, as another system
 * could): the caregiver who sees them still gets every other patient, and that patient's figures are
 * computed in the zone the name stands for (US/Pacific-New is Los Angeles) or in UTC, never a 500.
 */
afterEach(() => clock.set(null));
const NOW = "2026-03-03T18:00:00Z"; // 12:00 in Chicago, 10:00 in Los Angeles

async function household() {
  const sarah = await makeCaregiver();
  const betty = await makePatient(sarah, { first_name: "Betty", last_name: "Adams", timezone: "America/Chicago" });
  const pat = await makePatient(sarah, { first_name: "Pat", last_name: "Brown", timezone: "America/Chicago" });
  const vera = await makePatient(sarah, { first_name: "Vera", last_name: "Cole", timezone: "America/Chicago" });
  for (const p of [betty, pat, vera]) {
    await makeReminder(p.id, { dueAt: new Date("2026-03-03T15:00:00Z"), status: "completed" }); // 09:00 Chicago, 07:00 Los Angeles
    await makeReminder(p.id, { dueAt: new Date("2026-03-03T04:30:00Z"), status: "missed" }); // 22:30 the evening before in Chicago
  }
  return { sarah, betty, pat, vera };
}

describe("a patient whose stored zone PostgreSQL does not know", () => {
  it("GET /api/v1/overview still answers with every patient", async () => {
    const { sarah, betty, pat, vera } = await household();
    await db.$executeRaw`UPDATE patients SET timezone = 'US/Pacific-New' WHERE id = ${pat.id}::uuid`;
    clock.set(NOW);
    const r = await call(overview.GET, { token: sarah.token, path: "/api/v1/overview" });
    expect(r.status).toBe(200);
    const byId = new Map(r.body.patients.map((p: { id: string }) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual([betty.id, pat.id, vera.id].sort());
    // today, in each patient's own zone: the 09:00 dose done; the 22:30 one belongs to the day before
    expect(byId.get(betty.id)).toMatchObject({ timezone: "America/Chicago", adherence_today: { due: 1, completed: 1 } });
    // Pat's day is read in Los Angeles, the zone the old name stands for
    expect(byId.get(pat.id)).toMatchObject({ timezone: "US/Pacific-New", adherence_today: { due: 1, completed: 1 } });
    await db.$executeRaw`UPDATE patients SET timezone = 'Mars/Olympus' WHERE id = ${pat.id}::uuid`;
    const utc = await call(overview.GET, { token: sarah.token, path: "/api/v1/overview" });
    expect(utc.status).toBe(200);
    // no zone to stand for: UTC, where both doses fall on the 3rd
    expect(utc.body.patients.find((p: { id: string }) => p.id === pat.id)).toMatchObject({ adherence_today: { due: 2, completed: 1 } });
  });

  it("GET /api/v1/analytics answers for every patient; the patient's own analytics use the zone the name stands for", async () => {
    const { sarah, betty, pat } = await household();
    await db.$executeRaw`UPDATE patients SET timezone = 'Canada/East-Saskatchewan' WHERE id = ${pat.id}::uuid`;
    clock.set(NOW);
    const all = await call(analytics.GET, { token: sarah.token, path: "/api/v1/analytics?from=2026-03-03&to=2026-03-03" });
    expect(all.status).toBe(200);
    expect(all.body.patients).toHaveLength(3);
    expect(all.body.patients.find((p: { patient_id: string }) => p.patient_id === betty.id)).toMatchObject({ adherence: { due: 1, completed: 1 } });
    expect(all.body.patients.find((p: { patient_id: string }) => p.patient_id === pat.id)).toMatchObject({
      timezone: "Canada/East-Saskatchewan",
      adherence: { due: 1, completed: 1 },
    });

    const one = await call(patientAnalytics.GET, {
      token: sarah.token,
      params: { id: pat.id },
      path: `/api/v1/patients/${pat.id}/analytics?from=2026-03-03&to=2026-03-03`,
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ timezone: "America/Regina", adherence: [{ start: "2026-03-03", overall: { due: 1, completed: 1 } }] });
  });
});
