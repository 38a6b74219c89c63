import type { Metadata } from "next";
import { clock } from "@/lib/clock";
import { listApiKeys } from "@/lib/caregivers/api-keys";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { Notice } from "@/components/ui/notice";
import { ApiKeysManager, type ApiKeyRow } from "@/components/settings/api-keys-manager";
import { SectionHeading } from "@/components/settings/section-heading";
import { apiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default signedInPage(async function ApiKeysPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const now = clock.now();
  const [{ items }, me] = await Promise.all([listApiKeys(actor), getMyProfile(actor)]);
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
        <ConfirmStep
          id="revoke"
          title={`Revoke “${revoking.name}”?`}
          action={revokeApiKeyAction}
          fields={{ id: revoking.id }}
          confirmText="Yes, revoke this key"
          pendingText="Revoking…"
          cancelHref="/settings/api-keys"
        >
          <p>Programs using this key stop working at once. This cannot be undone; you can create a new key later.</p>
        </ConfirmStep>
      )}
      <ApiKeysManager action={apiKeyAction} keys={rows} />
    </>
  );
});
