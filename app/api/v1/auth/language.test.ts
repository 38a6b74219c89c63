import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver } from "@/lib/testing/factories";
import * as register from "./register/route";
import * as me from "./me/route";
import * as apiKeys from "./api-keys/route";

const randomIp = () => `10.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const signUp = (body: Record<string, unknown>, acceptLanguage?: string) =>
  call(register.POST, {
    body: { email: `rosa-${crypto.randomUUID()}@example.test`, password: "violet-Lantern-river-42", first_name: "Rosa", last_name: "García", ...body },
    headers: { "x-forwarded-for": randomIp(), ...(acceptLanguage ? { "accept-language": acceptLanguage } : {}) },
  });
const stored = async (id: string) => (await db.caregiver.findUniqueOrThrow({ where: { id }, select: { language: true } })).language;

describe("the caregiver's language (issue 15, SPEC §2)", () => {
  it("is read and changed on the profile, en or es", async () => {
    const cg = await makeCaregiver();
    expect((await call(me.GET, { token: cg.token })).body.language).toBe("en");
    const r = await call(me.PATCH, { method: "PATCH", token: cg.token, body: { language: "es" } });
    expect(r.status).toBe(200);
    expect(r.body.language).toBe("es");
    expect((await call(me.GET, { token: cg.token })).body.language).toBe("es");
    expect(await stored(cg.id)).toBe("es");
  });

  it("refuses a language without a catalogue or of the wrong type with a 422 in English, and changes nothing", async () => {
    const cg = await makeCaregiver();
    await call(me.PATCH, { method: "PATCH", token: cg.token, body: { language: "es" } });
    for (const language of ["fr", "es-MX", "ES", "", 1, null, ["es"], { code: "es" }]) {
      const r = await call(me.PATCH, { method: "PATCH", token: cg.token, body: { language }, headers: { "accept-language": "es" } });
      expect(r.status, JSON.stringify(language)).toBe(422);
      expect(r.body.errors[0]).toMatchObject({ field: "language" });
      expect(r.body.title).toBe("Validation failed");
    }
    expect((await call(me.PATCH, { method: "PATCH", token: cg.token, body: { language: "fr" } })).body.errors[0].message).toBe("Use en or es.");
    expect(await stored(cg.id)).toBe("es");
  });

  it("cannot be changed with a read-only API key (it can be read)", async () => {
    const cg = await makeCaregiver();
    const key = (await call(apiKeys.POST, { token: cg.token, body: { name: "Reports", scopes: ["read"] } })).body.key;
    expect((await call(me.GET, { token: key })).body.language).toBe("en");
    expect((await call(me.PATCH, { method: "PATCH", token: key, body: { language: "es" } })).status).toBe(403);
    expect(await stored(cg.id)).toBe("en");
  });

  it("is chosen at sign-up, else taken from the browser's Accept-Language, else English", async () => {
    const chosen = await signUp({ language: "en" }, "es-MX,es;q=0.9");
    expect(chosen.status).toBe(201);
    expect(chosen.body.language).toBe("en");
    const fromBrowser = await signUp({}, "fr-FR,fr;q=0.9,es;q=0.8,en;q=0.5");
    expect(fromBrowser.body.language).toBe("es");
    expect(await stored(fromBrowser.body.id)).toBe("es");
    expect((await signUp({}, "de-DE")).body.language).toBe("en");
    expect((await signUp({})).body.language).toBe("en");
    const refused = await signUp({ language: "pt" }, "es");
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: "language", message: "Use en or es." });
  });
});
