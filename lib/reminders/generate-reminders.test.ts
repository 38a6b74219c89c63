import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { generateReminderInstances } from "./generate-reminders";

const NOW = new Date("2026-03-10T06:00:00Z");
const instancesOf = (patientId: string) => db.reminder.count({ where: { patientId } });

/** `n` daily 08:00 schedules for a patient, written straight to the table, each row wide (instructions) so few fit a page. */
async function schedules(patientId: string, n: number, fields = "") {
  await db.$executeRawUnsafe(
    `INSERT INTO schedules (id, patient_id, type, title, instructions, times_of_day, start_date, alert_on_miss, updated_at${fields ? ", is_active" : ""})
     SELECT gen_random_uuid(), $1::uuid, 'meal', 'Meal ' || g, repeat('Sit at the table with a glass of water. ', 24), ARRAY['08:00'], date '2026-03-01', false, now()${fields}
     FROM generate_series(1, ${n}) g`,
    patientId,
  );
}

describe("the generation sweep over the whole table", () => {
  it("gives every live schedule of every paired patient its instances, across many ranges of pages, once", async () => {
    const owner = await makeCaregiver();
    const paired = await Promise.all([0, 1, 2].map(() => makePatient(owner)));
    for (const p of paired) await pairDevice(p.id);
    const unpaired = await makePatient(owner);
    // about 7 rows a page: 3,000 schedules span several of the sweep's ranges (128 pages each)
    for (const p of paired) await schedules(p.id, 1000);
    await schedules(unpaired.id, 10);
    await schedules(paired[0].id, 5, ", false");
    const { rows } = await pool.query<{ pages: string }>(`SELECT pg_relation_size('schedules') / current_setting('block_size')::bigint AS pages`);
    expect(Number(rows[0].pages)).toBeGreaterThan(3 * 128);

    await generateReminderInstances(NOW, { horizonHours: 24 });
    // one 08:00 (Chicago) in the next 24 hours per active schedule; none for a patient with no phone, none for a paused schedule
    expect(await Promise.all(paired.map((p) => instancesOf(p.id)))).toEqual([1000, 1000, 1000]);
    expect(await instancesOf(unpaired.id)).toBe(0);
    expect(await db.reminder.count({ where: { patientId: paired[0].id, dueAt: new Date("2026-03-10T13:00:00Z") } })).toBe(1000);

    // again: nothing twice
    await generateReminderInstances(NOW, { horizonHours: 24 });
    expect(await Promise.all(paired.map((p) => instancesOf(p.id)))).toEqual([1000, 1000, 1000]);

    // one patient at a time (a phone paired later) reads only that patient's schedules
    await pairDevice(unpaired.id);
    const one = await generateReminderInstances(NOW, { horizonHours: 24, patientId: unpaired.id });
    expect(one).toMatchObject({ schedules: 10, created: 10 });
    expect(await instancesOf(unpaired.id)).toBe(10);
  });
});
