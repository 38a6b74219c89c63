"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

/** The session's idle clock, or why it has ended ("idle": timed out; "signed_out": signed out, revoked or expired elsewhere). */
export type SessionClock = { remainingMs: number; timeoutMs: number; ended?: undefined } | { ended: "idle" | "signed_out" };

/** Where the dashboard goes once the session is over: sign-in, saying "timed out" only when it did. */
export const signInAfter = (ended: "idle" | "signed_out") => (ended === "idle" ? "/login?timed_out=1" : "/login");

const WARN_MS = 60_000;
/** at most one activity report this often (and never more than a quarter of the timeout apart) */
const THROTTLE_MS = 30_000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown"] as const;

/**
 * Idle logoff in the browser (SPEC §8). The server decides: it keeps the session's last activity and ends it
 * after the organization's idle time. This component reports the caregiver's clicks and key presses
 * (throttled; background polling never counts), warns a minute before the end with a dialog that keeps the
 * session, and goes to the sign-in page once the server says the session is over.
 */
export function IdleLogoff({ clockAction, activityAction }: { clockAction: () => Promise<SessionClock>; activityAction: () => Promise<SessionClock> }) {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const lastReport = useRef(0);
  const throttle = useRef(THROTTLE_MS);
  const checking = useRef(false);
  const stayButton = useRef<HTMLButtonElement>(null);
  const router = useRouter();

  const apply = useCallback(
    (c: SessionClock) => {
      if (c.ended) {
        // leaving the dashboard's layout drops everything it held in memory (the query cache included)
        router.replace(signInAfter(c.ended));
        return;
      }
      throttle.current = Math.min(THROTTLE_MS, c.timeoutMs / 4);
      setEndsAt(Date.now() + c.remainingMs);
      setNow(Date.now());
    },
    [router],
  );

  const report = useCallback(
    (force = false) => {
      const t = Date.now();
      if (!force && t - lastReport.current < throttle.current) return;
      lastReport.current = t;
      activityAction().then(apply, () => {});
    },
    [activityAction, apply],
  );

  useEffect(() => {
    clockAction().then(apply, () => {});
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const onActivity = () => report();
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      clearInterval(tick);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [clockAction, apply, report]);

  const left = endsAt === null ? null : endsAt - now;
  const warning = left !== null && left <= WARN_MS;

  useEffect(() => {
    if (left === null || left > 0 || checking.current) return;
    // the deadline passed here; another tab may have kept the session going: the server decides
    checking.current = true;
    clockAction()
      .then(apply, () => {})
      .finally(() => {
        checking.current = false;
      });
  }, [left, clockAction, apply]);

  useEffect(() => {
    if (warning) stayButton.current?.focus();
  }, [warning]);

  if (!warning) return null;
  const seconds = Math.max(0, Math.ceil(left / 1000));
  return (
    <div
      role="alertdialog"
      aria-labelledby="idle-logoff-title"
      aria-describedby="idle-logoff-text"
      className="fixed inset-x-4 bottom-4 z-50 mx-auto max-w-md rounded-xl border-2 border-amber-600 bg-white p-5 shadow-xl"
    >
      <h2 id="idle-logoff-title" className="text-xl font-semibold text-stone-900">
        Are you still there?
      </h2>
      <p id="idle-logoff-text" className="mt-2 text-stone-800">
        To keep patient information private, you will be signed out in {seconds} {seconds === 1 ? "second" : "seconds"}.
      </p>
      <Button ref={stayButton} className="mt-4" onClick={() => report(true)}>
        Stay signed in
      </Button>
    </div>
  );
}
