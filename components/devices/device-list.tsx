import { useLocale, useTranslations } from "next-intl";
import type { z } from "zod";
import type { deviceOutput } from "@/lib/devices/schemas";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

type Device = z.infer<typeof deviceOutput>;

const ONLINE_MS = 10 * 60_000;

/** The patient's paired phones: online or last seen, battery, app version; revoke for those who may write. */
export function DeviceList({
  devices,
  now,
  timeZone,
  revokeHref,
}: {
  devices: Device[];
  now: Date;
  timeZone: string;
  /** the confirmation step of revoking a phone, for those who may write */
  revokeHref?: (deviceId: string) => string;
}) {
  const t = useTranslations("devices");
  const locale = useLocale();
  const labels = useTranslations("patientLabels");
  if (devices.length === 0) return <p className="text-stone-700">{t("none")}</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {devices.map((d) => {
        const online = !d.revoked_at && d.last_seen_at !== null && now.getTime() - new Date(d.last_seen_at).getTime() < ONLINE_MS;
        const name = [d.device_model ?? (d.platform ? labels(`platform.${d.platform}`) : t("phone")), d.os_version].filter(Boolean).join(", ");
        return (
          <li key={d.id} className="flex flex-wrap items-start justify-between gap-4 py-4">
            <div>
              <p className="font-semibold">{name}</p>
              <p className="text-base text-stone-700">
                {d.revoked_at ? (
                  t("revoked", { ago: timeAgo(d.revoked_at, now, timeZone, locale) })
                ) : online ? (
                  <>
                    <span aria-hidden="true" className="mr-1 inline-block size-2.5 rounded-full bg-teal-700" />
                    {t("online")}
                  </>
                ) : (
                  t("lastSeen", { ago: timeAgo(d.last_seen_at, now, timeZone, locale) })
                )}
                {" · "}
                {t("battery", { level: d.battery_level === null ? t("unknown") : `${d.battery_level}%` })}
                {" · "}
                {t("appVersion", { version: d.app_version ?? t("unknown") })}
              </p>
              <p className="text-base text-stone-600">{t("paired", { when: formatDateTime(d.paired_at, timeZone, locale) })}</p>
            </div>
            {revokeHref && !d.revoked_at && (
              <Link href={revokeHref(d.id)} className={buttonClasses("danger-quiet")}>
                {t("revoke")}
                <span className="sr-only"> {name}</span>
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
