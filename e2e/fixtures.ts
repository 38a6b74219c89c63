import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_DB_PORT } from "./env";

/** A caregiver nobody has used yet (the database is fresh per run, the email unique per test anyway). */
export function newCaregiver(tag: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return {
    firstName: "Jane",
    lastName: "Caregiver",
    email: `${tag}.${id}@example.test`,
    // long, not on the common list, no name or email in it
    password: "Tulips bloom by the garden gate 7",
  };
}

export type Caregiver = ReturnType<typeof newCaregiver>;

/**
 * Give this page a client address of its own: sign-ups are limited to 10 an hour per address, and the whole suite
 * signs up more than ten caregivers from one machine. Call it before the page's first request.
 */
export async function ownAddress(page: Page) {
  const n = () => Math.floor(Math.random() * 250) + 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${n()}.${n()}.${n()}` });
}

export async function signUp(page: Page, who: Caregiver) {
  await ownAddress(page);
  await page.goto("/register");
  await page.getByLabel("First name").fill(who.firstName);
  await page.getByLabel("Last name").fill(who.lastName);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** None of these English sentences (or words) is left in the page's main content: for the Spanish specs. */
export async function expectNoEnglish(page: Page, sentences: string[]) {
  const text = await page.locator("main").innerText();
  for (const sentence of sentences) expect(text, `"${sentence}" left in English on ${page.url()}`).not.toMatch(new RegExp(`\\b${sentence}\\b`));
}

/** No WCAG 2 A/AA violation that axe can find on the page as it is now. */
export async function expectNoA11yViolations(page: Page) {
  // Next streams a page's metadata: after a client-side navigation (a form action's redirect) the <title> lands
  // a moment after the content, so axe would find the document without one
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const summary = violations.map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A full-page screenshot kept with the test's artifacts (test-results/<test>/<name>.png). */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

const e2eDatabaseUrl = () => process.env.E2E_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${E2E_DB_PORT}/postgres`;

/** Run SQL against the server's database (for arranging data a test is not about). */
export async function sql<T extends Record<string, unknown> = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Sign a caregiver in without the sign-in form, for tests that are not about signing in: a caregiver (owner of
 * their own organization) and a live web session are written to the database, and the browser gets the same
 * next-auth cookie the sign-in would have set. The password hash is a placeholder no password matches.
 */
export async function signInDirectly(page: Page, who: Partial<Caregiver> & { timezone?: string } = {}) {
  const c = { ...newCaregiver("direct"), ...who };
  const [row] = await sql<{ caregiver_id: string; session_id: string }>(
    `WITH cg AS (
       INSERT INTO caregivers (id, email, password_hash, first_name, last_name, timezone, updated_at)
       VALUES (gen_random_uuid(), lower($1), 'placeholder:no-password-matches', $2, $3, $4, now()) RETURNING id),
     org AS (
       INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), $2 || '''s care circle', now()) RETURNING id),
     m AS (
       INSERT INTO memberships (id, organization_id, caregiver_id, role, updated_at) SELECT gen_random_uuid(), org.id, cg.id, 'owner', now() FROM org, cg),
     s AS (
       INSERT INTO sessions (id, caregiver_id, kind, expires_at) SELECT gen_random_uuid(), cg.id, 'web', now() + interval '1 day' FROM cg RETURNING id, caregiver_id)
     SELECT caregiver_id, id AS session_id FROM s`,
    [c.email, c.firstName, c.lastName, who.timezone ?? "America/Chicago"],
  );
  const { encode } = await import("next-auth/jwt");
  const name = "authjs.session-token";
  const value = await encode({ token: { sub: row.caregiver_id, sid: row.session_id }, secret: E2E_AUTH_SECRET, salt: name, maxAge: 24 * 60 * 60 });
  const url = new URL(base());
  await page.context().addCookies([{ name, value, domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  return { ...c, caregiverId: row.caregiver_id, sessionId: row.session_id };
}

export const base = () => test.info().project.use.baseURL ?? "http://127.0.0.1:3100";

/** A patient added by the signed-in caregiver (the page's cookie session; writes need our own origin). */
export async function addPatientByApi(page: Page, first: string) {
  const res = await page.request.post("/api/v1/patients", {
    headers: { origin: new URL(base()).origin },
    data: { first_name: first, last_name: "Johnson", date_of_birth: "1945-05-15", timezone: "America/Chicago" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string };
}

/** Pair a phone like the app: the caregiver makes a code, the phone trades it for a device credential. */
export async function pairPhone(page: Page, phone: APIRequestContext, patientId: string) {
  const code = await page.request.post(`/api/v1/patients/${patientId}/pairing-code`, { headers: { origin: new URL(base()).origin } });
  expect(code.status(), await code.text()).toBe(201);
  const { setup_token } = await code.json();
  const setup = await phone.post("/api/v1/mobile/setup", { data: { patient_id: patientId, setup_token } });
  expect(setup.status(), await setup.text()).toBe(200);
  const { access_token } = await setup.json();
  const beat = async (body: Record<string, unknown>) => {
    const hb = await phone.post(`/api/v1/patients/${patientId}/heartbeat`, { headers: { authorization: `Bearer ${access_token}` }, data: body });
    expect(hb.status(), await hb.text()).toBe(200);
  };
  /** the phone's device credential, for its other calls */
  return Object.assign(beat, { credential: access_token as string });
}
