import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { clock } from "@/lib/clock";
import type { CaregiverActor } from "@/lib/auth/actor";
import { formatDate, formatDateTime, localTime, timeAgo } from "@/lib/dashboard/format";
import { signedInPage } from "@/app/_server/page";
import { listCareTeam } from "@/lib/care-team/care-team";
import { listDevices } from "@/lib/devices/devices";
import { Notice } from "@/components/ui/notice";
import Link from "next/link";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { AddCareTeamMemberForm } from "@/components/patients/care-team";
import { ReadOnlyNote, SuccessNotice } from "@/components/patients/success-notice";
import { GENDERS, STYLES, VOICES } from "@/components/patients/profile-choices";
import { DeviceList } from "@/components/devices/device-list";
import { PairingPanel } from "@/components/devices/pairing-panel";
import { MonitoringPaused } from "@/components/patients/monitoring-paused";
import { PauseMonitoringForm, SpokeWithForm } from "@/components/patients/monitoring-forms";
import { getMonitoringPause } from "@/lib/patients/monitoring-pause";
import { listConsents } from "@/lib/consents/consents";
import { listFacilities } from "@/lib/orgs/facilities";
import { currentOrganization } from "@/app/_server/current-organization";
import { RequestTransferForm } from "@/components/transfers/request-transfer-form";
import { RecordConsentForm } from "@/components/patients/consent-panel";
import { isConsentGiver, isConsentKind } from "@/components/patients/consent-labels";
import {
  addCareTeamMemberAction,
  createPairingCodeAction,
  pauseMonitoringAction,
  recordConsentAction,
  removeCareTeamMemberAction,
  requestTransferAction,
  resumeMonitoringAction,
  revokeDeviceAction,
  spokeWithAction,
} from "./actions";
import { canManage, canWrite, loadPagePatient } from "./load-patient";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// the patient's name stays out of the document title (titles end up in history and shared screens)
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("patients.overview"))("metaTitle") };
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default signedInPage(async function PatientPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const sp = await searchParams;
  const now = clock.now();
  const [t, labels, td, locale, team, devices, pause, consents, { organizations }] = await Promise.all([
    getTranslations("patients.overview"),
    getTranslations("patientLabels"),
    getTranslations("devices"),
    getLocale(),
    listCareTeam(actor, p.id),
    listDevices(actor, p.id),
    getMonitoringPause(actor, p.id, now),
    listConsents(actor, p.id),
    currentOrganization(actor),
  ]);
  // an admin of the patient's organization may ask to move them (the domain checks the facility again)
  const myRole = organizations.find((o) => o.id === p.organization_id)?.role;
  const transfers =
    myRole === "owner" || myRole === "admin" ? await transferDestinations(actor, organizations, p.facility_id, (org) => t("defaultFacility", { org })) : null;
  const write = canWrite(p);
  const manage = canManage(p);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const removing = manage ? team.items.find((m) => m.caregiver_id === one(sp.remove)) : undefined;
  const revoking = write ? devices.items.find((d) => d.id === one(sp.revoke) && !d.revoked_at) : undefined;
  const name = p.display_name;
  const none = <span className="text-stone-600">{t("notRecorded")}</span>;
  const list = (items: string[]) => (items.length ? items.join(", ") : none);
  const context = p.personal_context as Record<string, unknown>;
  const family = (context.family ?? {}) as Record<string, unknown>;

  return (
    <div className="space-y-8">
      {sp.created !== undefined && (
        <Notice tone="success" role="status" title={t("created", { name: p.full_name })}>
          {t("createdNext")}
        </Notice>
      )}

      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">{t("title")}</h2>
        {write && (
          <ButtonLink href={`/patients/${p.id}/edit`} variant="secondary">
            {t("edit")}
          </ButtonLink>
        )}
      </div>
      <SuccessNotice ok={sp.ok} messages={Object.fromEntries(OK.map((k) => [k, t(`ok.${k}`)]))} />
      <div className="grid gap-6 md:grid-cols-2">
        <Section id="profile" title={t("profile")}>
          <Row label={t("firstName")}>{p.first_name}</Row>
          <Row label={t("lastName")}>{p.last_name}</Row>
          <Row label={t("preferredName")}>{p.preferred_name || none}</Row>
          <Row label={t("dateOfBirth")}>{t("birthAge", { date: formatDate(p.date_of_birth, "UTC", locale), age: p.age })}</Row>
          <Row label={t("gender")}>{p.gender ? (isOneOf(GENDERS, p.gender) ? labels(`gender.${p.gender}`) : p.gender) : none}</Row>
          <Row label={t("language")}>{languageName(p.language, locale)}</Row>
        </Section>

        <Section id="contact-and-location" title={t("contact")}>
          <Row label={t("phone")}>
            {p.phone_number ? (
              <a href={`tel:${p.phone_number}`} className="text-teal-800 underline underline-offset-4">
                {p.phone_number}
              </a>
            ) : (
              none
            )}
          </Row>
          <Row label={t("address")}>{p.address || none}</Row>
          <Row label={t("timezone")}>{p.timezone.replaceAll("_", " ")}</Row>
          <Row label={t("localTime")}>{localTime(now, p.timezone, locale)}</Row>
          <Row label={t("emergencyContact")}>
            {p.emergency_contact_name || p.emergency_contact_phone ? [p.emergency_contact_name, p.emergency_contact_phone].filter(Boolean).join(", ") : none}
          </Row>
        </Section>

        <Section id="activity" title={t("activity")}>
          <Row label={t("lastActive")}>{capitalize(timeAgo(p.last_active_at, now, p.timezone, locale))}</Row>
          <Row label={t("phoneApp")}>
            {p.last_heartbeat_at ? t("lastHeard", { ago: timeAgo(p.last_heartbeat_at, now, p.timezone, locale) }) : t("notConnected")}
          </Row>
          {p.app_version && <Row label={t("appVersion")}>{p.app_version}</Row>}
          <Row label={t("added")}>{formatDateTime(p.created_at, p.timezone, locale)}</Row>
        </Section>

        <Section id="companion" title={t("companion")}>
          <Row label={t("talks")}>
            {labels("talks", {
              style: isOneOf(STYLES, p.communication_style) ? labels(`style.${p.communication_style}`) : p.communication_style,
              voice: isOneOf(VOICES, p.preferred_voice) ? labels(`voiceWord.${p.preferred_voice}`) : p.preferred_voice,
            })}
          </Row>
          <Row label={t("interests")}>{list(strings(context.hobbies))}</Row>
          <Row label={t("family")}>{list([...strings(family.children), ...strings(family.grandchildren)])}</Row>
          <Row label={t("lifeStory")}>{typeof context.life_story === "string" ? context.life_story : none}</Row>
        </Section>

        <Section id="health" title={t("health")}>
          <Row label={t("conditions")}>{list(p.medical_conditions)}</Row>
          <Row label={t("medications")}>{list(p.medications)}</Row>
          <Row label={t("allergies")}>{list(p.allergies)}</Row>
          <Row label={t("diet")}>{list(p.dietary_restrictions)}</Row>
        </Section>
      </div>

      <Panel id="monitoring" title={t("monitoring")}>
        {pause.paused && pause.until ? (
          <div className="space-y-2">
            <MonitoringPaused until={pause.until} reason={pause.reason} timeZone={p.timezone} />
            <p className="text-stone-700">
              {t("pausedNote", {
                by:
                  pause.paused_by && pause.paused_at
                    ? t("pausedBy", { name: pause.paused_by.name, when: formatDateTime(pause.paused_at, p.timezone, locale) })
                    : "",
              })}
            </p>
          </div>
        ) : (
          <p className="max-w-prose text-stone-700">{t("monitoringAbout", { name })}</p>
        )}
        <p className="mt-3 text-stone-800">
          {t.rich("lastSign", { ago: timeAgo(p.last_active_at, now, p.timezone, locale), strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
        </p>
        {write ? (
          <div className="mt-6 grid gap-8 border-t border-stone-200 pt-6 md:grid-cols-2">
            <div>
              <h4 className="mb-2 text-lg font-semibold">{t("spokeTitle", { name })}</h4>
              <p className="mb-4 text-stone-700">{t("spokeText")}</p>
              <SpokeWithForm action={spokeWithAction.bind(null, p.id)} name={name} />
            </div>
            <div>
              <h4 className="mb-2 text-lg font-semibold">{pause.paused ? t("pausedTitle") : t("awayTitle")}</h4>
              {pause.paused ? (
                <>
                  <p className="mb-4 text-stone-700">{t("resumeText")}</p>
                  <ActionButton action={resumeMonitoringAction.bind(null, p.id)} pendingText={t("resuming")}>
                    {t("resume")}
                  </ActionButton>
                  <p className="mt-6 mb-2 text-stone-700">{t("changeEnd")}</p>
                </>
              ) : (
                <p className="mb-4 text-stone-700">{t("awayText")}</p>
              )}
              <PauseMonitoringForm action={pauseMonitoringAction.bind(null, p.id)} today={localDate(now, p.timezone)} />
            </div>
          </div>
        ) : (
          <div className="mt-4">
            <ReadOnlyNote>{t("monitoringReadOnly")}</ReadOnlyNote>
          </div>
        )}
      </Panel>

      <Panel id="care-team" title={t("careTeam")}>
        <ol className="divide-y divide-stone-100">
          {team.items.map((m) => (
            <li key={m.caregiver_id} className="flex flex-wrap items-start justify-between gap-4 py-4">
              <div>
                <p className="font-semibold">
                  {m.contact_order}. {m.first_name} {m.last_name}
                </p>
                <p className="text-base text-stone-700">
                  {labels(`standing.${m.standing}`)} · {m.email}
                  {m.phone_number && <> · {m.phone_number}</>}
                </p>
              </div>
              {manage && (
                <Link href={`/patients/${p.id}?remove=${m.caregiver_id}#remove-member`} className={buttonClasses("danger-quiet")}>
                  {t("remove")}
                  <span className="sr-only">
                    {" "}
                    {m.first_name} {m.last_name}
                  </span>
                </Link>
              )}
            </li>
          ))}
        </ol>
        <p className="mt-2 text-base text-stone-600">{t("alertOrder")}</p>
        {removing && (
          <div className="mt-4">
            <ConfirmStep
              id="remove-member"
              title={t("removeTitle", { member: `${removing.first_name} ${removing.last_name}`, name })}
              action={removeCareTeamMemberAction.bind(null, p.id)}
              fields={{ caregiver_id: removing.caregiver_id }}
              confirmText={t("removeConfirm", { member: `${removing.first_name} ${removing.last_name}` })}
              pendingText={t("removing")}
              cancelHref={`/patients/${p.id}#care-team`}
            >
              <p>{t("removeText", { name })}</p>
            </ConfirmStep>
          </div>
        )}
        {manage ? (
          <div className="mt-6 border-t border-stone-200 pt-6">
            <h4 className="mb-4 text-lg font-semibold">{t("addCaregiver")}</h4>
            <AddCareTeamMemberForm action={addCareTeamMemberAction.bind(null, p.id)} />
          </div>
        ) : (
          <div className="mt-4">
            <ReadOnlyNote>{t("careTeamReadOnly")}</ReadOnlyNote>
          </div>
        )}
      </Panel>

      <Panel id="consent" title={t("consent")}>
        <p className="max-w-prose text-stone-700">{t("consentIntro", { name })}</p>
        <ul className="mt-4 divide-y divide-stone-100">
          {consents.current.map((c) => {
            const kind = isConsentKind(c.kind) ? c.kind : null;
            const who = c.consent?.recorded_by_id ? team.items.find((m) => m.caregiver_id === c.consent!.recorded_by_id) : undefined;
            return (
              <li key={c.kind} className="grid gap-2 py-4 sm:grid-cols-[1fr_14rem]">
                <div>
                  <p className="font-semibold">{kind ? labels(`consentKind.${kind}.title`) : c.kind}</p>
                  {kind && <p className="text-base text-stone-700">{labels(`consentKind.${kind}.about`)}</p>}
                  {c.consent && (
                    <p className="text-base text-stone-600">
                      {t("consentRecorded", {
                        givenBy: isConsentGiver(c.consent.given_by) ? labels(`consentGivenBy.${c.consent.given_by}`) : c.consent.given_by,
                        when: formatDateTime(c.consent.recorded_at, p.timezone, locale),
                      })}
                      {who && t("consentBy", { member: `${who.first_name} ${who.last_name}` })}
                      {c.consent.revoked_at && t("consentWithdrawn", { when: formatDateTime(c.consent.revoked_at, p.timezone, locale) })}
                      {c.consent.note && <>. &ldquo;{c.consent.note}&rdquo;</>}
                    </p>
                  )}
                </div>
                <p
                  className={`self-start rounded-full px-3 py-1 text-base font-semibold ${c.in_force ? "bg-teal-50 text-teal-900" : "bg-stone-100 text-stone-800"}`}
                >
                  {labels(`consentStatus.${c.status}`)}
                  {c.status === "not_recorded" && <span className="block font-normal">{labels(`notRecordedMeans.${c.not_recorded_means}`)}</span>}
                </p>
              </li>
            );
          })}
        </ul>
        {write ? (
          <div className="mt-6 border-t border-stone-200 pt-6">
            <h4 className="mb-4 text-lg font-semibold">{t("recordChange")}</h4>
            <RecordConsentForm action={recordConsentAction.bind(null, p.id)} />
          </div>
        ) : (
          <div className="mt-4">
            <ReadOnlyNote>{t("consentReadOnly")}</ReadOnlyNote>
          </div>
        )}
      </Panel>

      {transfers && (
        <Panel id="transfer" title={t("transfer")}>
          <p className="mb-4 max-w-prose text-stone-700">{t("transferText", { name })}</p>
          <RequestTransferForm action={requestTransferAction.bind(null, p.id)} name={name} destinations={transfers} />
        </Panel>
      )}

      <Panel id="devices" title={td("title")}>
        <DeviceList
          devices={devices.items}
          now={now}
          timeZone={p.timezone}
          revokeHref={write ? (deviceId) => `/patients/${p.id}?revoke=${deviceId}#revoke-device` : undefined}
        />
        {revoking && (
          <div className="mt-4">
            <ConfirmStep
              id="revoke-device"
              title={td("revokeTitle")}
              action={revokeDeviceAction.bind(null, p.id)}
              fields={{ device_id: revoking.id }}
              confirmText={td("revokeConfirm")}
              pendingText={td("revoking")}
              cancelHref={`/patients/${p.id}#devices`}
            >
              <p>{td("revokeText")}</p>
            </ConfirmStep>
          </div>
        )}
        <div className="mt-6 border-t border-stone-200 pt-6">
          <h4 className="mb-2 text-lg font-semibold">{td("pairTitle")}</h4>
          {write ? (
            <>
              <p className="mb-4 text-stone-700">{td("pairText")}</p>
              <PairingPanel action={createPairingCodeAction.bind(null, p.id)} timeZone={p.timezone} />
            </>
          ) : (
            <ReadOnlyNote>{td("pairReadOnly")}</ReadOnlyNote>
          )}
        </div>
      </Panel>
    </div>
  );
});

/** My organizations (their default facility) and their facilities, but not the patient's own facility. */
async function transferDestinations(
  actor: CaregiverActor,
  organizations: { id: string; name: string }[],
  facilityId: string,
  defaultFacility: (org: string) => string,
) {
  const lists = await Promise.all(organizations.map((o) => listFacilities(actor, o.id)));
  return organizations.flatMap((o, i) => [
    { value: o.id, label: defaultFacility(o.name) },
    ...lists[i].items.filter((f) => f.id !== facilityId).map((f) => ({ value: `${o.id}/${f.id}`, label: `${o.name}: ${f.name}` })),
  ]);
}

const localDate = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(now);

const OK = [
  "profile",
  "spoke-with",
  "paused",
  "resumed",
  "member-added",
  "member-invited",
  "member-removed",
  "device-revoked",
  "consent",
  "transfer-requested",
] as const;
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h3 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h3>
      <div className="mt-4">{children}</div>
    </section>
  );
}

function Section({ id: name, title, children }: { id: string; title: string; children: React.ReactNode }) {
  const id = `section-${name}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h3 id={id} className="text-xl font-semibold">
        {title}
      </h3>
      <dl className="mt-4 divide-y divide-stone-100">{children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-x-4 py-2.5 sm:grid-cols-[10rem_1fr]">
      <dt className="text-base font-medium text-stone-600">{label}</dt>
      <dd className="text-stone-900">{children}</dd>
    </div>
  );
}
