"use client";

import { PageError } from "@/components/layout/page-error";

/** A dashboard page that failed, under the dashboard's header (see PageError). */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
