/**
 * The one source of "now" for domain code. Tests set it; nothing else calls `new Date()` for business time.
 */
let fixed: Date | null = null;

export const clock = {
  now(): Date {
    return fixed ? new Date(fixed) : new Date();
  },
  /** tests only: freeze time at `at` (null to return to the wall clock) */
  set(at: Date | string | null) {
    fixed = at === null ? null : new Date(at);
  },
  advance(ms: number) {
    if (!fixed) throw new Error("clock.advance needs a fixed clock");
    fixed = new Date(fixed.getTime() + ms);
  },
};
