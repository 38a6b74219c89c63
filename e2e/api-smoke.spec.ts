import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * The smoke suite over real HTTP against the production server: the caregiver API and the patient app's
 * whole life (pair, push token, heartbeats, reminders, emergency), as the phone and an integration call it.
 */
const ip = (n: number) => ({ "x-forwarded-for": `10.60.0.${n}` });
const password = "Tulips bloom by the garden gate 7";

async function caregiverToken(request: APIRequestContext) {
  const email = `smoke.${Date.now().toString(36)}@example.test`;
  const reg = await request.post("/api/v1/auth/register", { data: { email, password, first_name: "Sam", last_name: "Smoke" }, headers: ip(1) });
  expect(reg.status()).toBe(201);
  const login = await request.post("/api/v1/auth/login", { data: { email, password }, headers: ip(1) });
  expect(login.status()).toBe(200);
  return (await login.json()).access_token as string;
}

test("health, readiness, OpenAPI and security headers", async ({ request }) => {
  const live = await request.get("/api/health");
  expect(live.status()).toBe(200);
  expect(live.headers()["x-request-id"]).toBeTruthy();
  expect(live.headers()["x-frame-options"]).toBe("DENY");
  expect(live.headers()["x-content-type-options"]).toBe("nosniff");
  expect(live.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(await (await request.get("/api/health/ready")).json()).toEqual({ ready: true, database: "ok", migrations: "applied" });
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.paths["/api/v1/patients/{id}/heartbeat"].post).toBeTruthy();
});

test("a caregiver's API session and the patient app's whole life", async ({ request }) => {
  const token = await caregiverToken(request);
  const auth = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/patients", {
    headers: auth,
    data: { first_name: "Betty", last_name: "Johnson", date_of_birth: "1945-05-15", timezone: "America/Chicago" },
  });
  expect(created.status()).toBe(201);
  const patient = await created.json();
  expect((await (await request.get("/api/v1/patients?q=betty", { headers: auth })).json()).items).toHaveLength(1);

  const code = await (await request.post(`/api/v1/patients/${patient.id}/pairing-code`, { headers: auth })).json();
  const { patient_id, setup_token } = JSON.parse(code.qr_payload);
  const setup = await request.post("/api/v1/mobile/setup", { data: { patient_id, setup_token }, headers: ip(2) });
  expect(setup.status()).toBe(200);
  const phone = await setup.json();
  expect(phone).toMatchObject({ success: true, patient_name: "Betty Johnson", token_type: "Bearer" });
  const device = { authorization: `Bearer ${phone.access_token}` };
  expect((await request.post("/api/v1/mobile/setup", { data: { patient_id, setup_token }, headers: ip(2) })).status()).toBe(401);

  expect(
    (
      await request.post("/api/v1/mobile/device-token", {
        headers: device,
        data: { patient_id, device_token: "fcm-smoke", platform: "android", app_version: "1.0.0" },
      })
    ).status(),
  ).toBe(200);
  const beat = await request.post(`/api/v1/patients/${patient_id}/heartbeat`, {
    headers: device,
    data: { device_type: "android", app_version: "1.0.0", details: {} },
  });
  expect(await beat.json()).toEqual({ success: true, pending_actions: [] });
  expect((await request.post(`/api/v1/patients/${patient_id}/heartbeat`, { data: { device_type: "android" } })).status()).toBe(401);
  expect(await (await request.get(`/api/v1/mobile/patients/${patient_id}/reminders`, { headers: device })).json()).toEqual([]);

  const emergency = await request.post(`/api/v1/patients/${patient_id}/heartbeat`, {
    headers: device,
    data: { activity_type: "emergency", battery_level: 31 },
  });
  expect(emergency.status()).toBe(200);
  const alerts = await (await request.get("/api/v1/alerts?severity=critical", { headers: auth })).json();
  expect(alerts.items[0]).toMatchObject({ type: "emergency", status: "open", patient_id });

  const problem = await request.post("/api/v1/patients", { headers: auth, data: { first_name: "" } });
  expect(problem.status()).toBe(422);
  expect(problem.headers()["content-type"]).toContain("application/problem+json");
});
