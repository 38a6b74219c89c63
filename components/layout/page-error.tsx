"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/unavailable";
import { Button } from "@/components/ui/button";

// across remounts of the boundary (each failed retry shows it afresh): how many retries in a row so far
let attempts = 0;
let lastFailureAt = 0;

/** 1, 2, 4, 8, 16, then every 30 seconds; a failure more than a minute after the last one starts over */
function nextDelay(now: number) {
  if (now - lastFailureAt > 60_000) attempts = 0;
  lastFailureAt = now;
  return Math.min(30_000, 1_000 * 2 ** attempts++);
}

/**
 * What a dashboard page shows when it fails. A page that could not reach the database says so and loads
 * itself again with backoff until the database answers; anything else is a plain error with a "Try again"
 * button and the reference to quote. A production build sends the browser only the error's digest, so the
 * server marks database outages with a digest of their own (lib/db/unavailable.ts, lib/dashboard/request.ts).
 */
export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest: unknown }).digest) : null;
  const database = digest === DATABASE_UNAVAILABLE_DIGEST;
  const t = useTranslations("layout.error");

  useEffect(() => {
    if (!database) return;
    const timer = setTimeout(retry, nextDelay(Date.now()));
    return () => clearTimeout(timer);
  }, [database, error, retry]);

  if (database) {
    return (
      <div role="status" className="mx-auto max-w-2xl rounded-xl border-l-4 border-amber-600 bg-amber-50 px-6 py-6 text-amber-950">
        <h1 className="text-2xl font-bold">{t("databaseTitle")}</h1>
        <p className="mt-2">{t("databaseBody")}</p>
        <p className="mt-4">
          <Button variant="secondary" onClick={retry}>
            {t("tryNow")}
          </Button>
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className="mx-auto max-w-2xl rounded-xl border-l-4 border-red-700 bg-red-50 px-6 py-6 text-red-950">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">
        {digest ? t.rich("bodyWithReference", { reference: digest, code: (chunks) => <code className="font-mono">{chunks}</code> }) : t("body")}
      </p>
      <p className="mt-4">
        <Button onClick={retry}>{t("tryAgain")}</Button>
      </p>
    </div>
  );
}
