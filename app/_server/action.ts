import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z, ZodType } from "zod";
import { clock } from "@/lib/clock";
import { NotFound, type AppError } from "@/lib/api/errors";
import type { CaregiverActor } from "@/lib/auth/actor";
import { inSpan, annotateSpan } from "@/lib/observability/spans";
import { uuid } from "@/lib/validation/common";
import { readFields, type FieldIssue, type FormState } from "@/lib/dashboard/form-state";
import type { Locale } from "@/lib/i18n/locales";
import { formParseOptions, formSentence, translateServerMessage } from "@/lib/i18n/server-messages";
import { failedForm, invalidForm, summary } from "./form-errors";
import { dashboardLocale } from "./locale";
import { signedInCaregiver } from "./session";
import { withRequestContext } from "./request-context";

/**
 * The dashboard's server actions, the twins of the API's `route()`: one wrapper does sign-in (a server action is
 * a public endpoint), the request context (audit rows keep the request id), parsing the form with the API's own
 * zod schema, the domain call, every refusal as form state next to its field, and the redirect that works with
 * and without JavaScript. `formAction` is a form with fields; `buttonAction` is one button acting on ids.
 *
 * Values bound on the page (`action.bind(null, patient.id)`) are named in `bound` and arrive as `ctx.bound`;
 * each must be a UUID (else "not found", as the API says for a malformed id).
 */

type Bound<N extends readonly string[]> = { [K in keyof N]: string };
export type FormAction<N extends readonly string[] = [], S extends FormState = FormState> = (...args: [...Bound<N>, S, FormData]) => Promise<S>;

export interface ActionContext<N extends readonly string[] = []> {
  actor: CaregiverActor;
  now: Date;
  form: FormData;
  bound: Record<N[number], string>;
}

interface Common<N extends readonly string[], R, S extends FormState> {
  /** names of the values bound on the page, in order */
  bound?: N;
  /** where to go after success; the page shows a notice from the URL */
  done?: (result: R, ctx: ActionContext<N>) => string;
  /** the state to answer with instead of a redirect (a secret shown once) */
  answer?: (result: R, next: FormState) => S;
  /** a layout to render again (what the page's header shows changed) */
  revalidate?: (ctx: ActionContext<N>) => string;
  /** the field a domain refusal belongs next to (default: the form's message) */
  fieldFor?: (err: AppError) => string | undefined;
  /** a redirect for a refusal the page says better than the form (gone already, not found) */
  refusedTo?: (err: unknown, ctx: ActionContext<N>) => string | undefined;
}

export interface FormActionSpec<N extends readonly string[], Sch extends ZodType, R, S extends FormState> extends Common<N, R, S> {
  /** the form's text fields: trimmed, echoed back after a refusal */
  fields: readonly string[];
  /** fields read as typed and never echoed back (passwords) */
  secrets?: readonly string[];
  /** the API's schema for this write (from lib/<domain>/schemas.ts) */
  schema: Sch;
  /** the form's text as the schema's input (default: the fields as they are); a box that cannot be read adds a problem */
  input?: (values: Record<string, string>, form: FormData, problems: FieldIssue[]) => unknown;
  /** more values to echo back (ticked boxes) */
  echo?: (form: FormData) => Record<string, string>;
  /** the sentence for a required field left empty (clearer than the schema's) */
  required?: Record<string, string>;
  run: (data: z.output<Sch>, ctx: ActionContext<N>) => Promise<R>;
}

export interface ButtonActionSpec<N extends readonly string[], I extends string, R, S extends FormState> extends Common<N, R, S> {
  /** hidden fields holding the ids the button acts on, and what each is ("Reminder": "Reminder not found.") */
  ids?: Record<I, string>;
  /** destructive: only the confirmation step's form (which sends confirm=yes) may do it */
  confirm?: boolean;
  run: (ids: Record<I, string>, ctx: ActionContext<N>) => Promise<R>;
}

/** The id in a hidden field: a UUID, or the thing is "not found" (as the API says for a malformed id), never handed to the database unchecked. */
export function idIn(value: FormDataEntryValue | null, thing: string): string {
  const r = uuid.safeParse(value);
  if (!r.success) throw new NotFound(thing);
  return r.data;
}

/** Errors keyed by the form's own field names: "times_of_day.1" lands on times_of_day, "inactivity.high_after_hours" stays. */
function onFields(errors: Record<string, string>, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const parts = key.split(".");
    let field = key;
    for (let n = parts.length; n > 0; n--) {
      const prefix = parts.slice(0, n).join(".");
      if (fields.includes(prefix)) {
        field = prefix;
        break;
      }
    }
    if (!(field in out)) out[field] = message;
  }
  return out;
}

function boundIds<N extends readonly string[]>(names: N | undefined, values: unknown[]): Record<N[number], string> {
  const out = {} as Record<string, string>;
  (names ?? []).forEach((name, i) => {
    const v = values[i];
    if (typeof v !== "string" || !uuid.safeParse(v).success) throw new NotFound();
    out[name] = v;
  });
  return out as Record<N[number], string>;
}

/** The core both wrappers share: sign-in, context, parse, call, refusals into state, then redirect or answer. */
function action<N extends readonly string[], R, S extends FormState>(
  spec: Common<N, R, S> & { fields: readonly string[] },
  parse: (form: FormData, values: Record<string, string>, prev: FormState, locale: Locale) => { data: unknown } | { refused: FormState },
  run: (data: unknown, ctx: ActionContext<N>) => Promise<R>,
): FormAction<N, S> {
  return async (...args) => {
    const form = args[args.length - 1] as FormData;
    const prev = args[args.length - 2] as S;
    const actor = await signedInCaregiver();
    // refusals in the caregiver's language (decision 029)
    const locale = await dashboardLocale();
    // one span per action (a child of Next.js's request span when tracing is on)
    return inSpan("server action", { "elda.action.fields": spec.fields.join(",") }, () =>
      withRequestContext(async () => {
        const values = readFields(form, spec.fields);
        let ctx: ActionContext<N> | undefined;
        let result: R;
        try {
          ctx = { actor, now: clock.now(), form, bound: boundIds(spec.bound, args.slice(0, -2)) };
          const parsed = parse(form, values, prev, locale);
          if ("refused" in parsed) {
            annotateSpan({ "elda.action.outcome": "refused" });
            return { ...parsed.refused, fieldErrors: onFields(parsed.refused.fieldErrors, spec.fields) } as S;
          }
          result = await run(parsed.data, ctx);
        } catch (err) {
          unstable_rethrow(err);
          annotateSpan({ "elda.action.outcome": "failed" });
          const to = ctx && spec.refusedTo?.(err, ctx);
          if (to) redirect(to);
          const state = failedForm(prev, err, values, spec.fieldFor, locale);
          // a fresh state: nothing of an earlier answer (a secret shown once) survives a refusal
          return { ...state, fieldErrors: onFields(state.fieldErrors, spec.fields) } as S;
        }
        if (spec.revalidate) revalidatePath(spec.revalidate(ctx!), "layout");
        if (spec.answer) return spec.answer(result!, { fieldErrors: {}, values: {}, attempt: prev.attempt + 1 });
        if (!spec.done) throw new Error("a dashboard action needs `done` or `answer`");
        redirect(spec.done(result!, ctx!));
      }),
    );
  };
}

/** A form: its fields parsed by the API's schema, then one domain call. */
export function formAction<const N extends readonly string[] = [], Sch extends ZodType = ZodType, R = unknown, S extends FormState = FormState>(
  spec: FormActionSpec<N, Sch, R, S>,
): FormAction<N, S> {
  const fields = [...spec.fields, ...(spec.secrets ?? [])];
  return action<N, R, S>(
    { ...spec, fields },
    (form, values, prev, locale) => {
      const secrets = Object.fromEntries((spec.secrets ?? []).map((name) => [name, typeof form.get(name) === "string" ? (form.get(name) as string) : ""]));
      const echo = { ...Object.fromEntries(spec.fields.map((f) => [f, values[f]])), ...spec.echo?.(form) };
      const problems: FieldIssue[] = [];
      const all = { ...values, ...secrets };
      const parsed = spec.schema.safeParse(spec.input ? spec.input(all, form, problems) : all, formParseOptions(locale));
      if (parsed.success && problems.length === 0) return { data: parsed.data };
      const state = parsed.success
        ? { message: summary(locale), fieldErrors: {}, values: echo, attempt: prev.attempt + 1 }
        : invalidForm(prev, parsed.error, echo, locale);
      const fieldErrors = { ...state.fieldErrors };
      // the form knows its own fields better than the schema does: its sentence wins
      for (const p of problems) fieldErrors[p.field] = translateServerMessage(p.message, locale);
      for (const [field, message] of Object.entries(spec.required ?? {})) if (!all[field]) fieldErrors[field] = translateServerMessage(message, locale);
      return { refused: { ...state, fieldErrors } };
    },
    (data, ctx) => spec.run(data as z.output<Sch>, ctx),
  );
}

/** One button (remove, revoke, mark done...): the ids in its hidden fields, one domain call. */
export function buttonAction<const N extends readonly string[] = [], I extends string = never, R = unknown, S extends FormState = FormState>(
  spec: ButtonActionSpec<N, I, R, S>,
): FormAction<N, S> {
  const names = Object.keys(spec.ids ?? {}) as I[];
  return action<N, R, S>(
    { ...spec, fields: [...names, "confirm"] },
    (_form, values, prev, locale) => {
      if (spec.confirm && values.confirm !== "yes")
        return { refused: { message: formSentence("confirmFirst", locale), fieldErrors: {}, values: {}, attempt: prev.attempt + 1 } };
      const ids = {} as Record<I, string>;
      for (const name of names) ids[name] = idIn(values[name], spec.ids![name]);
      return { data: ids };
    },
    (ids, ctx) => spec.run(ids as Record<I, string>, ctx),
  );
}
