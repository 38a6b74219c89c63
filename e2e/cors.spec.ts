import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_CORS_ORIGIN, E2E_CORS_PORT } from "./env";

/**
 * SPEC §8 "CORS allow-list", in Chromium: a page on a second origin (another port of 127.0.0.1) calls the API
 * with `Authorization: Bearer <API key>`. From the origin in CORS_ORIGINS the browser's preflight is answered
 * and the calls go through (a read and a JSON write); from any other origin the browser blocks them.
 */
const PAGE = "<!doctype html><title>partner</title><p>Partner app</p>";
function pageServer(port: number) {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(PAGE));
  return new Promise<http.Server>((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

let allowed: http.Server;
let other: http.Server;
test.beforeAll(async () => {
  allowed = await pageServer(E2E_CORS_PORT);
  other = await pageServer(0);
});
test.afterAll(async () => {
  await new Promise((r) => allowed.close(r));
  await new Promise((r) => other.close(r));
});

async function apiKey(request: import("@playwright/test").APIRequestContext) {
  const headers = { "x-forwarded-for": "10.61.0.1" };
  const email = `cors.${Date.now().toString(36)}@example.test`;
  const password = "Partner apps call from afar 9";
  expect((await request.post("/api/v1/auth/register", { data: { email, password, first_name: "Cora", last_name: "Cors" }, headers })).status()).toBe(201);
  const token = (await (await request.post("/api/v1/auth/login", { data: { email, password }, headers })).json()).access_token;
  const key = await request.post("/api/v1/auth/api-keys", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "Partner", scopes: ["read", "write"] },
  });
  expect(key.status()).toBe(201);
  return (await key.json()).key as string;
}

/** In the page: a GET and a JSON POST with the key, as a partner's web app would send them. */
const callApi = async ([api, key]: readonly [string, string]) => {
  const read = await fetch(`${api}/api/v1/patients`, { headers: { authorization: `Bearer ${key}` } })
    .then(async (r) => ({ status: r.status, items: (await r.json()).items?.length ?? null }))
    .catch((e: Error) => ({ blocked: e.name }));
  const write = await fetch(`${api}/api/v1/patients`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ first_name: "Pat", last_name: "Partner", date_of_birth: "1944-04-04" }),
  })
    .then((r) => ({ status: r.status }))
    .catch((e: Error) => ({ blocked: e.name }));
  return [read, write] as const;
};

test("a page on an allowed origin calls the API with an API key; another origin is blocked by the browser", async ({ page, request, baseURL }) => {
  const key = await apiKey(request);
  const api = new URL(baseURL!).origin;

  await page.goto(`${E2E_CORS_ORIGIN}/`);
  const [read, write] = await page.evaluate(callApi, [api, key] as const);
  expect(read).toEqual({ status: 200, items: 0 });
  expect(write).toEqual({ status: 201 });

  const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  await page.goto(`${otherOrigin}/`);
  const [blockedRead, blockedWrite] = await page.evaluate(callApi, [api, key] as const);
  expect(blockedRead).toEqual({ blocked: "TypeError" });
  expect(blockedWrite).toEqual({ blocked: "TypeError" });
  // the blocked write never ran: still one patient
  const list = await request.get("/api/v1/patients", { headers: { authorization: `Bearer ${key}` } });
  expect((await list.json()).items).toHaveLength(1);

  // the preflight itself, as the browser sent it
  const pre = await request.fetch("/api/v1/patients", {
    method: "OPTIONS",
    headers: { origin: otherOrigin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
  });
  expect(pre.status()).toBe(403);
  expect(pre.headers()["access-control-allow-origin"]).toBeUndefined();
});
