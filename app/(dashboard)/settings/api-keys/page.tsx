import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.apiKeys"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default signedInPage(async function ApiKeysPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const now = clock.now();
  const [{ items }, me, t, locale] = await Promise.all([listApiKeys(actor), getMyProfile(actor), getTranslations("settings.apiKeys"), getLocale()]);
  const zone = me.timezone;
  const rows: ApiKeyRow[] = items.map((k) => {
    const expired = !!k.expires_at && new Date(k.expires_at) <= now;
    const status = k.revoked_at ? "revoked" : expired ? "expired" : "active";
    return {
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      created: formatDateTime(k.created_at, zone, locale),
      lastUsed: timeAgo(k.last_used_at, now, zone, locale),
      expires: k.expires_at ? formatDateTime(k.expires_at, zone, locale) : t("never"),
      status,
      statusText: t(`status.${status}`),
    };
  });
  const revoking = rows.find((k) => k.id === one(sp.revoke) && k.status === "active");
  return (
    <>
      <SectionHeading title={t("heading")} intro={t("intro")} saved={sp.revoked !== undefined ? t("revoked") : undefined} />
      {sp.missing !== undefined && <Notice tone="info" role="status" title={t("missing")} />}
      {revoking && (
        <ConfirmStep
          id="revoke"
          title={t("revokeTitle", { name: revoking.name })}
          action={revokeApiKeyAction}
          fields={{ id: revoking.id }}
          confirmText={t("revokeConfirm")}
          pendingText={t("revoking")}
          cancelHref="/settings/api-keys"
        >
          <p>{t("revokeBody")}</p>
        </ConfirmStep>
      )}
      <ApiKeysManager action={apiKeyAction} keys={rows} />
    </>
  );
});
