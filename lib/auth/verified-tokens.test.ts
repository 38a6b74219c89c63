import { afterEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { config, reloadConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { makeCaregiver } from "@/lib/testing/factories";
import { ACCESS_TOKEN_SECONDS, issueTokens, verifyAccessToken } from "./sessions";
import { readSessionCookie } from "./session-cookie";

/**
 * A verified token is kept (docs/decisions/034-hot-paths.md), and keeping it changes no answer: an expired
 * token is refused on its second use as on its first, a token signed with another secret is never accepted,
 * a tampered one neither, and a new secret verifies afresh.
 */
const original = process.env.AUTH_SECRET;
afterEach(() => {
  process.env.AUTH_SECRET = original;
  reloadConfig();
});

describe("verified tokens, kept", () => {
  it("an access token: accepted until it expires, also when its verification was kept", async () => {
    const cg = await makeCaregiver();
    const t0 = new Date("2026-06-01T12:00:00Z");
    const { access_token } = await issueTokens(db, cg.sessionId, cg.id, t0);
    const ids = { caregiverId: cg.id, sessionId: cg.sessionId };
    expect(await verifyAccessToken(access_token, t0)).toEqual(ids);
    expect(await verifyAccessToken(access_token, new Date(t0.getTime() + 60_000))).toEqual(ids);
    expect(await verifyAccessToken(access_token, new Date(t0.getTime() + ACCESS_TOKEN_SECONDS * 1000))).toBeNull();
    // tampered: another subject under the same signature
    const [h, p, sig] = access_token.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = [h, Buffer.from(JSON.stringify({ ...claims, sub: "00000000-0000-4000-8000-000000000000" })).toString("base64url"), sig].join(".");
    expect(await verifyAccessToken(forged, t0)).toBeNull();
    expect(await verifyAccessToken(forged, t0)).toBeNull();
  });

  it("a token verified under one secret is verified afresh under another, and refused", async () => {
    const cg = await makeCaregiver();
    const now = new Date();
    const { access_token } = await issueTokens(db, cg.sessionId, cg.id, now);
    expect(await verifyAccessToken(access_token, now)).not.toBeNull();
    process.env.AUTH_SECRET = "another-secret-0123456789-abcdefghijklmnopqr";
    reloadConfig();
    expect(await verifyAccessToken(access_token, now)).toBeNull();
  });

  it("the dashboard cookie: its claims while it lasts, nothing once expired or forged", async () => {
    const cg = await makeCaregiver();
    const name = "authjs.session-token";
    const live = await encode({ token: { sub: cg.id, sid: cg.sessionId }, secret: config().authSecret, salt: name, maxAge: 60 });
    for (let i = 0; i < 2; i++) expect(await readSessionCookie(`${name}=${live}`)).toEqual({ caregiverId: cg.id, sessionId: cg.sessionId });
    const expired = await encode({ token: { sub: cg.id, sid: cg.sessionId }, secret: config().authSecret, salt: name, maxAge: -60 });
    for (let i = 0; i < 2; i++) expect(await readSessionCookie(`${name}=${expired}`)).toBeNull();
    const foreign = await encode({ token: { sub: cg.id, sid: cg.sessionId }, secret: "another-secret-0123456789-abcdefghijklmnopqr", salt: name });
    expect(await readSessionCookie(`${name}=${foreign}`)).toBeNull();
  });
});
