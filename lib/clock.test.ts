import { afterEach, describe, expect, it } from "vitest";
import { clock } from "./clock";

afterEach(() => clock.set(null));

describe("clock", () => {
  it("can be frozen and advanced for tests, and returns copies", () => {
    clock.set("2026-01-15T14:00:00Z");
    const a = clock.now();
    a.setFullYear(2000);
    expect(clock.now().toISOString()).toBe("2026-01-15T14:00:00.000Z");
    clock.advance(10 * 60_000);
    expect(clock.now().toISOString()).toBe("2026-01-15T14:10:00.000Z");
  });

  it("follows the wall clock otherwise", () => {
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(() => clock.advance(1)).toThrow();
  });
});
