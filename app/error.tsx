"use client";

import { PageError } from "@/components/layout/page-error";

/**
 * A page whose layout failed (the dashboard's own layout reads the signed-in caregiver from the database
 * first, so an outage usually lands here): the same message, without the header it could not draw.
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="min-h-dvh px-6 py-16 outline-none">
      <PageError error={error} retry={retry} />
    </main>
  );
}
