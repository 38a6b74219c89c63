"use server";

import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/api/errors";
import { acknowledgeAlert, addAlertNote, bulkAcknowledge, resolveAlert } from "@/lib/alerts/alert-actions";
import { alertNoteInput, bulkAcknowledgeInput, resolveAlertInput } from "@/lib/alerts/schemas";
import { zodFieldErrors } from "@/lib/api/problem";
import { buttonAction, formAction, idIn } from "@/app/_server/action";

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

/** Refusals a caregiver can act on become a notice on the page they came from; anything else stays on the form. */
const noticeFor = (err: unknown, { form }: { form: FormData }) => {
  const notice = err instanceof Conflict ? "already_resolved" : err instanceof NotFound ? "not_found" : err instanceof Forbidden ? "forbidden" : undefined;
  return notice && backTo(form, notice);
};

export const acknowledgeAlertAction = buttonAction({
  ids: { id: "Alert" },
  run: ({ id }, { actor, now }) => acknowledgeAlert(actor, id, undefined, now),
  refusedTo: noticeFor,
  done: (_, { form }) => backTo(form, "acknowledged"),
});

export const bulkAcknowledgeAction = buttonAction({
  run: (_, { actor, now, form }) => {
    const parsed = bulkAcknowledgeInput.safeParse({ ids: form.getAll("ids").map(String) });
    if (!parsed.success) throw new ValidationFailed(zodFieldErrors(parsed.error));
    return bulkAcknowledge(actor, parsed.data.ids, now);
  },
  refusedTo: (err, { form }) => (err instanceof ValidationFailed ? backTo(form, "none_selected") : undefined),
  done: (r, { form }) => backTo(form, "bulk", { n: String(r.acknowledged.length), ...(r.forbidden.length ? { f: String(r.forbidden.length) } : {}) }),
});

export const resolveAlertAction = formAction({
  fields: ["note"],
  schema: resolveAlertInput,
  run: (data, { actor, now, form }) => resolveAlert(actor, idIn(form.get("id"), "Alert"), data.note, now),
  refusedTo: (err, ctx) => (err instanceof Conflict || err instanceof NotFound ? noticeFor(err, ctx) : undefined),
  done: (_, { form }) => backTo(form, "resolved"),
});

export const addAlertNoteAction = formAction({
  fields: ["note"],
  schema: alertNoteInput,
  run: (data, { actor, now, form }) => addAlertNote(actor, idIn(form.get("id"), "Alert"), data.note, now),
  refusedTo: (err, ctx) => (err instanceof NotFound ? noticeFor(err, ctx) : undefined),
  done: (_, { form }) => backTo(form, "note_added"),
});
