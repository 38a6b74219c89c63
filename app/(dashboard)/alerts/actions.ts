"use server";

import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { Conflict, Forbidden, NotFound } from "@/lib/api/errors";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { acknowledgeAlert, addAlertNote, bulkAcknowledge, resolveAlert } from "@/lib/alerts/alert-actions";
import { alertIdParams, alertNoteInput, bulkAcknowledgeInput, resolveAlertInput } from "@/lib/alerts/schemas";
import { failedForm, invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/lib/dashboard/request";

/**
 * Where to go after an action: back to the page it came from (only our own alert pages), with a notice code
 * the page turns into a sentence. A redirect works the same with and without JavaScript.
 */
function backTo(form: FormData, notice: string, extra: Record<string, string> = {}): string {
  const raw = form.get("back");
  const back = typeof raw === "string" && /^\/(alerts|patients\/[0-9a-f-]{36}\/alerts)(\/[0-9a-f-]{36})?(\?|$)/.test(raw) ? raw : "/alerts";
  const url = new URL(back, "http://elda.invalid");
  url.searchParams.delete("notice");
  url.searchParams.delete("n");
  url.searchParams.delete("f");
  url.searchParams.set("notice", notice);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}

/** Errors a caregiver can act on become a notice; anything else is a real failure. */
function noticeFor(err: unknown): string {
  if (err instanceof Conflict) return "already_resolved";
  if (err instanceof NotFound) return "not_found";
  if (err instanceof Forbidden) return "forbidden";
  throw err;
}

export async function acknowledgeAlertAction(form: FormData) {
  const actor = await requireCaregiverPage();
  const id = alertIdParams.safeParse({ id: form.get("id") });
  if (!id.success) redirect(backTo(form, "not_found"));
  let notice = "acknowledged";
  try {
    await withRequestContext(() => acknowledgeAlert(actor, id.data.id, undefined, clock.now()));
  } catch (err) {
    notice = noticeFor(err);
  }
  redirect(backTo(form, notice));
}

export async function bulkAcknowledgeAction(form: FormData) {
  const actor = await requireCaregiverPage();
  const parsed = bulkAcknowledgeInput.safeParse({ ids: form.getAll("ids").map(String) });
  if (!parsed.success) redirect(backTo(form, "none_selected"));
  const r = await withRequestContext(() => bulkAcknowledge(actor, parsed.data.ids, clock.now()));
  redirect(backTo(form, "bulk", { n: String(r.acknowledged.length), ...(r.forbidden.length ? { f: String(r.forbidden.length) } : {}) }));
}

export async function resolveAlertAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const values = readFields(form, ["note"] as const);
  const id = alertIdParams.safeParse({ id: form.get("id") });
  if (!id.success) redirect(backTo(form, "not_found"));
  const parsed = resolveAlertInput.safeParse(values);
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  let notice = "resolved";
  try {
    await withRequestContext(() => resolveAlert(actor, id.data.id, parsed.data.note, clock.now()));
  } catch (err) {
    if (!(err instanceof Conflict) && !(err instanceof NotFound)) return failedForm(prev, err, values);
    notice = noticeFor(err);
  }
  redirect(backTo(form, notice));
}

export async function addAlertNoteAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const values = readFields(form, ["note"] as const);
  const id = alertIdParams.safeParse({ id: form.get("id") });
  if (!id.success) redirect(backTo(form, "not_found"));
  const parsed = alertNoteInput.safeParse(values);
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  try {
    await withRequestContext(() => addAlertNote(actor, id.data.id, parsed.data.note, clock.now()));
  } catch (err) {
    if (!(err instanceof NotFound)) return failedForm(prev, err, values);
    redirect(backTo(form, "not_found"));
  }
  redirect(backTo(form, "note_added"));
}
