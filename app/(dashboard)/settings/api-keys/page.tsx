import type { Metadata } from "next";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { listApiKeys } from "@/lib/caregivers/api-keys";
import { getMyProfile } from "@/lib/caregivers/profile";
import { pageActor, withRequestContext } from "@/lib/dashboard/request";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiKeysManager, type ApiKeyRow } from "@/components/settings/api-keys-manager";
import { SectionHeading } from "@/components/settings/section-heading";
import { apiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ApiKeysPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor();
  const sp = await searchParams;
  const now = clock.now();
  const [{ items }, me] = await withRequestContext(() => Promise.all([listApiKeys(actor), getMyProfile(actor)]));
  const zone = me.timezone;
  const rows: ApiKeyRow[] = items.map((k) => {
    const expired = !!k.expires_at && new Date(k.expires_at) <= now;
    const status = k.revoked_at ? "revoked" : expired ? "expired" : "active";
    return {
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      created: formatDateTime(k.created_at, zone),
      lastUsed: timeAgo(k.last_used_at, now, zone),
      expires: k.expires_at ? formatDateTime(k.expires_at, zone) : "never",
      status,
      statusText: status === "revoked" ? "Revoked" : status === "expired" ? "Expired" : "Active",
    };
  });
  const revoking = rows.find((k) => k.id === one(sp.revoke) && k.status === "active");
  return (
    <>
      <SectionHeading
        title="API keys"
        intro="Keys let other programs use Elda's API as you, with the permissions you choose. Treat a key like a password."
        saved={sp.revoked !== undefined ? "The API key has been revoked. Programs using it can no longer get in." : undefined}
      />
      {sp.missing !== undefined && <Notice tone="info" role="status" title="That key was not found. It may have been revoked already." />}
      {revoking && (
        <section aria-labelledby="revoke-heading" className="rounded-xl border-2 border-red-700 bg-red-50 p-6 text-red-950">
          <h2 id="revoke-heading" className="text-xl font-semibold">
            Revoke “{revoking.name}”?
          </h2>
          <p className="mt-2">Programs using this key stop working at once. This cannot be undone; you can create a new key later.</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <form action={revokeApiKeyAction}>
              <input type="hidden" name="id" value={revoking.id} />
              <button type="submit" className="inline-flex min-h-12 items-center rounded-lg bg-red-700 px-5 text-lg font-semibold text-white hover:bg-red-800">
                Yes, revoke this key
              </button>
            </form>
            <Link href="/settings/api-keys" className={buttonClasses("quiet")}>
              Cancel
            </Link>
          </div>
        </section>
      )}
      <ApiKeysManager action={apiKeyAction} keys={rows} />
    </>
  );
}
