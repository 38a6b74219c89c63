import type { Metadata } from "next";
import { clock } from "@/lib/clock";
import type { PatientOutput } from "@/lib/patients/schemas";
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
import { GENDER } from "@/components/patients/profile-form";
import { ReadOnlyNote, SuccessNotice } from "@/components/patients/success-notice";
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
import { CONSENT_GIVEN_BY, CONSENT_KIND_TEXT } from "@/components/patients/consent-labels";
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

type Standing = NonNullable<PatientOutput["my_standing"]>;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// the patient's name stays out of the document title (titles end up in history and shared screens)
export const metadata: Metadata = { title: "Patient" };

const languages = new Intl.DisplayNames(["en"], { type: "language" });
function languageName(code: string): string {
  try {
    return languages.of(code) ?? code;
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
  const [team, devices, pause, consents, { organizations }] = await Promise.all([
    listCareTeam(actor, p.id),
    listDevices(actor, p.id),
    getMonitoringPause(actor, p.id, now),
    listConsents(actor, p.id),
    currentOrganization(actor),
  ]);
  // an admin of the patient's organization may ask to move them (the domain checks the facility again)
  const myRole = organizations.find((o) => o.id === p.organization_id)?.role;
  const transfers = myRole === "owner" || myRole === "admin" ? await transferDestinations(actor, organizations, p.facility_id) : null;
  const write = canWrite(p);
  const manage = canManage(p);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const removing = manage ? team.items.find((m) => m.caregiver_id === one(sp.remove)) : undefined;
  const revoking = write ? devices.items.find((d) => d.id === one(sp.revoke) && !d.revoked_at) : undefined;
  const name = p.display_name;
  const none = <span className="text-stone-600">Not recorded</span>;
  const list = (items: string[]) => (items.length ? items.join(", ") : none);
  const context = p.personal_context as Record<string, unknown>;
  const family = (context.family ?? {}) as Record<string, unknown>;

  return (
    <div className="space-y-8">
      {sp.created !== undefined && (
        <Notice tone="success" role="status" title={`${p.full_name} has been added.`}>
          Next, you will be able to connect their phone and set up reminders.
        </Notice>
      )}

      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">Overview</h2>
        {write && (
          <ButtonLink href={`/patients/${p.id}/edit`} variant="secondary">
            Edit profile
          </ButtonLink>
        )}
      </div>
      <SuccessNotice ok={sp.ok} messages={OK} />
      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Profile">
          <Row label="First name">{p.first_name}</Row>
          <Row label="Last name">{p.last_name}</Row>
          <Row label="Preferred name">{p.preferred_name || none}</Row>
          <Row label="Date of birth">
            {formatDate(p.date_of_birth)} (age {p.age})
          </Row>
          <Row label="Gender">{p.gender ? (GENDER[p.gender as keyof typeof GENDER] ?? p.gender) : none}</Row>
          <Row label="Language">{languageName(p.language)}</Row>
        </Section>

        <Section title="Contact and location">
          <Row label="Phone">
            {p.phone_number ? (
              <a href={`tel:${p.phone_number}`} className="text-teal-800 underline underline-offset-4">
                {p.phone_number}
              </a>
            ) : (
              none
            )}
          </Row>
          <Row label="Address">{p.address || none}</Row>
          <Row label="Time zone">{p.timezone.replaceAll("_", " ")}</Row>
          <Row label="Their local time">{localTime(now, p.timezone)}</Row>
          <Row label="Emergency contact">
            {p.emergency_contact_name || p.emergency_contact_phone ? [p.emergency_contact_name, p.emergency_contact_phone].filter(Boolean).join(", ") : none}
          </Row>
        </Section>

        <Section title="Activity">
          <Row label="Last active">{capitalize(timeAgo(p.last_active_at, now, p.timezone))}</Row>
          <Row label="Phone app">{p.last_heartbeat_at ? `Last heard from ${timeAgo(p.last_heartbeat_at, now, p.timezone)}` : "Not connected yet"}</Row>
          {p.app_version && <Row label="App version">{p.app_version}</Row>}
          <Row label="Added">{formatDateTime(p.created_at, p.timezone)}</Row>
        </Section>

        <Section title="Companion">
          <Row label="Talks">
            {capitalize(p.communication_style)}, {p.preferred_voice} voice
          </Row>
          <Row label="Interests">{list(strings(context.hobbies))}</Row>
          <Row label="Family">{list([...strings(family.children), ...strings(family.grandchildren)])}</Row>
          <Row label="Life story">{typeof context.life_story === "string" ? context.life_story : none}</Row>
        </Section>

        <Section title="Health">
          <Row label="Conditions">{list(p.medical_conditions)}</Row>
          <Row label="Medications">{list(p.medications)}</Row>
          <Row label="Allergies">{list(p.allergies)}</Row>
          <Row label="Diet">{list(p.dietary_restrictions)}</Row>
        </Section>
      </div>

      <Panel id="monitoring" title="Monitoring">
        {pause.paused && pause.until ? (
          <div className="space-y-2">
            <MonitoringPaused until={pause.until} reason={pause.reason} timeZone={p.timezone} />
            <p className="text-stone-700">
              No inactivity or phone-offline alerts until then
              {pause.paused_by && pause.paused_at ? (
                <>
                  {" "}
                  (paused by {pause.paused_by.name}, {formatDateTime(pause.paused_at, p.timezone)})
                </>
              ) : null}
              . Reminders and the emergency button keep working.
            </p>
          </div>
        ) : (
          <p className="max-w-prose text-stone-700">
            Elda tells the care team when {name} has not been heard from for hours during the day (using the app, talking to the companion, answering a
            reminder), and when {name}&rsquo;s phone stops checking in. A phone that is merely switched on does not count as {name} being fine.
          </p>
        )}
        <p className="mt-3 text-stone-800">
          Last sign of life: <span className="font-semibold">{timeAgo(p.last_active_at, now, p.timezone)}</span>
        </p>
        {write ? (
          <div className="mt-6 grid gap-8 border-t border-stone-200 pt-6 md:grid-cols-2">
            <div>
              <h4 className="mb-2 text-lg font-semibold">Spoke to {name}?</h4>
              <p className="mb-4 text-stone-700">
                Record a call or visit. It ends an open &ldquo;not heard from&rdquo; alert and tells the rest of the care team.
              </p>
              <SpokeWithForm action={spokeWithAction.bind(null, p.id)} name={name} />
            </div>
            <div>
              <h4 className="mb-2 text-lg font-semibold">{pause.paused ? "Monitoring is paused" : "Away for a while?"}</h4>
              {pause.paused ? (
                <>
                  <p className="mb-4 text-stone-700">Back sooner? Resume now; silence is counted from this moment.</p>
                  <ActionButton action={resumeMonitoringAction.bind(null, p.id)} pendingText="Resuming…">
                    Resume monitoring now
                  </ActionButton>
                  <p className="mt-6 mb-2 text-stone-700">Or change the day it ends:</p>
                </>
              ) : (
                <p className="mb-4 text-stone-700">In hospital or on holiday: pause inactivity and phone-offline alerts until a day. Open ones are closed.</p>
              )}
              <PauseMonitoringForm action={pauseMonitoringAction.bind(null, p.id)} today={localDate(now, p.timezone)} />
            </div>
          </div>
        ) : (
          <div className="mt-4">
            <ReadOnlyNote>Viewers cannot record a call or pause monitoring. Ask their primary caregiver.</ReadOnlyNote>
          </div>
        )}
      </Panel>

      <Panel id="care-team" title="Care team">
        <ol className="divide-y divide-stone-100">
          {team.items.map((m) => (
            <li key={m.caregiver_id} className="flex flex-wrap items-start justify-between gap-4 py-4">
              <div>
                <p className="font-semibold">
                  {m.contact_order}. {m.first_name} {m.last_name}
                </p>
                <p className="text-base text-stone-700">
                  {STANDING_NAME[m.standing]} · {m.email}
                  {m.phone_number && <> · {m.phone_number}</>}
                </p>
              </div>
              {manage && (
                <Link href={`/patients/${p.id}?remove=${m.caregiver_id}#remove-member`} className={buttonClasses("danger-quiet")}>
                  Remove
                  <span className="sr-only">
                    {" "}
                    {m.first_name} {m.last_name}
                  </span>
                </Link>
              )}
            </li>
          ))}
        </ol>
        <p className="mt-2 text-base text-stone-600">Alerts reach the care team in this order.</p>
        {removing && (
          <div className="mt-4">
            <ConfirmStep
              id="remove-member"
              title={`Remove ${removing.first_name} ${removing.last_name} from ${name}’s care team?`}
              action={removeCareTeamMemberAction.bind(null, p.id)}
              fields={{ caregiver_id: removing.caregiver_id }}
              confirmText={`Yes, remove ${removing.first_name} ${removing.last_name}`}
              pendingText="Removing…"
              cancelHref={`/patients/${p.id}#care-team`}
            >
              <p>
                They stop receiving {name}&rsquo;s alerts and can no longer see {name} unless their organization role allows it. You can add them again later.
              </p>
            </ConfirmStep>
          </div>
        )}
        {manage ? (
          <div className="mt-6 border-t border-stone-200 pt-6">
            <h4 className="mb-4 text-lg font-semibold">Add a caregiver</h4>
            <AddCareTeamMemberForm action={addCareTeamMemberAction.bind(null, p.id)} />
          </div>
        ) : (
          <div className="mt-4">
            <ReadOnlyNote>Only a primary caregiver or an organization admin can change the care team.</ReadOnlyNote>
          </div>
        )}
      </Panel>

      <Panel id="consent" title="Consent">
        <p className="max-w-prose text-stone-700">
          What {name} agreed to. Elda acts on each one at once; the latest record of a kind replaces the earlier ones.
        </p>
        <ul className="mt-4 divide-y divide-stone-100">
          {consents.current.map((c) => {
            const text = CONSENT_KIND_TEXT[c.kind];
            const who = c.consent?.recorded_by_id ? team.items.find((m) => m.caregiver_id === c.consent!.recorded_by_id) : undefined;
            return (
              <li key={c.kind} className="grid gap-2 py-4 sm:grid-cols-[1fr_14rem]">
                <div>
                  <p className="font-semibold">{text?.title ?? c.kind}</p>
                  <p className="text-base text-stone-700">{text?.about}</p>
                  {c.consent && (
                    <p className="text-base text-stone-600">
                      {CONSENT_GIVEN_BY[c.consent.given_by] ?? c.consent.given_by}, recorded {formatDateTime(c.consent.recorded_at, p.timezone)}
                      {who && (
                        <>
                          {" "}
                          by {who.first_name} {who.last_name}
                        </>
                      )}
                      {c.consent.revoked_at && <>; withdrawn {formatDateTime(c.consent.revoked_at, p.timezone)}</>}
                      {c.consent.note && <>. &ldquo;{c.consent.note}&rdquo;</>}
                    </p>
                  )}
                </div>
                <p
                  className={`self-start rounded-full px-3 py-1 text-base font-semibold ${c.in_force ? "bg-teal-50 text-teal-900" : "bg-stone-100 text-stone-800"}`}
                >
                  {CONSENT_STATUS[c.status]}
                  {c.status === "not_recorded" && <span className="block font-normal">counts as {c.not_recorded_means}</span>}
                </p>
              </li>
            );
          })}
        </ul>
        {write ? (
          <div className="mt-6 border-t border-stone-200 pt-6">
            <h4 className="mb-4 text-lg font-semibold">Record a change</h4>
            <RecordConsentForm action={recordConsentAction.bind(null, p.id)} />
          </div>
        ) : (
          <div className="mt-4">
            <ReadOnlyNote>Viewers cannot record consent. Ask their primary caregiver.</ReadOnlyNote>
          </div>
        )}
      </Panel>

      {transfers && (
        <Panel id="transfer" title="Transfer to another facility or organization">
          <p className="mb-4 max-w-prose text-stone-700">
            An admin of the destination accepts or declines within 7 days; until then nothing changes. On acceptance {name} moves with their whole history, and
            care-team members who are not members there are removed from the care team.
          </p>
          <RequestTransferForm action={requestTransferAction.bind(null, p.id)} name={name} destinations={transfers} />
        </Panel>
      )}

      <Panel id="devices" title="Phone and pairing">
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
              title="Revoke this phone?"
              action={revokeDeviceAction.bind(null, p.id)}
              fields={{ device_id: revoking.id }}
              confirmText="Yes, revoke this phone"
              pendingText="Revoking…"
              cancelHref={`/patients/${p.id}#devices`}
            >
              <p>It can no longer reach Elda: no reminders, no companion, no emergency button on it, until it is paired again.</p>
            </ConfirmStep>
          </div>
        )}
        <div className="mt-6 border-t border-stone-200 pt-6">
          <h4 className="mb-2 text-lg font-semibold">Pair a phone</h4>
          {write ? (
            <>
              <p className="mb-4 text-stone-700">Install the Elda app on their phone, then create a code and scan it there.</p>
              <PairingPanel action={createPairingCodeAction.bind(null, p.id)} timeZone={p.timezone} />
            </>
          ) : (
            <ReadOnlyNote>Viewers cannot pair phones. Ask their primary caregiver.</ReadOnlyNote>
          )}
        </div>
      </Panel>
    </div>
  );
});

/** My organizations (their default facility) and their facilities, but not the patient's own facility. */
async function transferDestinations(actor: CaregiverActor, organizations: { id: string; name: string }[], facilityId: string) {
  const lists = await Promise.all(organizations.map((o) => listFacilities(actor, o.id)));
  return organizations.flatMap((o, i) => [
    { value: o.id, label: `${o.name} (its default facility)` },
    ...lists[i].items.filter((f) => f.id !== facilityId).map((f) => ({ value: `${o.id}/${f.id}`, label: `${o.name}: ${f.name}` })),
  ]);
}

const localDate = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(now);

const OK: Record<string, string> = {
  profile: "Profile saved.",
  "spoke-with": "Recorded. The care team can see that you spoke to them.",
  paused: "Monitoring paused.",
  resumed: "Monitoring resumed.",
  "member-added": "Added to the care team.",
  "member-invited": "Invitation sent. They join the care team once they accept it.",
  "member-removed": "Caregiver removed from the care team.",
  "device-revoked": "Phone revoked. It can no longer reach Elda until it is paired again.",
  consent: "Consent recorded. Elda acts on it from now on.",
  "transfer-requested": "Transfer asked for. An admin of the destination accepts or declines it; until then nothing changes.",
};
const STANDING_NAME: Record<Standing, string> = { primary: "Primary caregiver", secondary: "Secondary caregiver", viewer: "Viewer" };
type ConsentStatus = Awaited<ReturnType<typeof listConsents>>["current"][number]["status"];
const CONSENT_STATUS: Record<ConsentStatus, string> = { granted: "Given", refused: "Refused", revoked: "Withdrawn", not_recorded: "Not recorded yet" };

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

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
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
