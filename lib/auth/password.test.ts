import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password policy", () => {
  it.each([
    ["short1!", /at least 12/],
    ["password1234", /too common/],
    ["QWERTY123456", /too common/],
    ["aaaaaaaaaaaaaaa", /too easy/],
    ["sarah.miller-is-me", /name or email/],
  ])("refuses %s", (pw, why) => {
    expect(passwordProblem(pw, ["sarah.miller@example.com", "Sarah", "Miller"])).toMatch(why);
  });

  it("accepts a long uncommon passphrase", () => {
    expect(passwordProblem("violet-Lantern-river-42")).toBeNull();
  });

  it("hashes with scrypt and a per-password salt, and verifies", async () => {
    const a = await hashPassword("violet-Lantern-river-42");
    const b = await hashPassword("violet-Lantern-river-42");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("violet-Lantern-river-42", a)).toBe(true);
    expect(await verifyPassword("violet-lantern-river-42", a)).toBe(false);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
  });
});
