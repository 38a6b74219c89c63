"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/api/errors";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { createApiKey, revokeApiKey, rotateApiKey } from "@/lib/caregivers/api-keys";
import { createApiKeyInput, rotateApiKeyInput } from "@/lib/caregivers/schemas";
import { failedForm, invalidForm } from "@/lib/dashboard/action-errors";
import { readFields } from "@/lib/dashboard/form-state";
import { idFrom } from "@/lib/dashboard/form-input";
import { withRequestContext } from "@/lib/dashboard/request";
import type { ApiKeyFormState } from "@/components/settings/api-key-state";

const PAGE = "/settings/api-keys";

/** Create or rotate (the `intent` field): both answer with the new secret, shown once on the page that asked. */
export async function apiKeyAction(prev: ApiKeyFormState, form: FormData): Promise<ApiKeyFormState> {
  const actor = await requireCaregiverPage();
  const values = readFields(form, ["intent", "id", "name", "expires_in_days"]);
  const now = clock.now();
  if (values.intent === "rotate") {
    try {
      const key = await withRequestContext(() => rotateApiKey(actor, idFrom(values.id, "API key"), rotateApiKeyInput.parse({}), now));
      revalidatePath(PAGE);
      return { fieldErrors: {}, values: {}, attempt: prev.attempt + 1, created: { name: key.name, key: key.key, rotated: true } };
    } catch (err) {
      return { ...failedForm(prev, err, {}), created: undefined };
    }
  }
  const scopes = form.getAll("scopes").filter((s) => typeof s === "string");
  const formValues = { ...values, scopes: scopes.join(",") };
  const parsed = createApiKeyInput.safeParse({
    name: values.name,
    scopes,
    ...(values.expires_in_days && { expires_in_days: Number(values.expires_in_days) }),
  });
  if (!parsed.success) {
    const state = invalidForm(prev, parsed.error, formValues);
    if (!values.name) state.fieldErrors.name = "Give the key a name, for example the app that will use it.";
    if (scopes.length === 0) state.fieldErrors.scopes = "Choose at least one: read or write.";
    return state;
  }
  try {
    const key = await withRequestContext(() => createApiKey(actor, parsed.data, now));
    revalidatePath(PAGE);
    return { fieldErrors: {}, values: {}, attempt: prev.attempt + 1, created: { name: key.name, key: key.key, rotated: false } };
  } catch (err) {
    return failedForm(prev, err, formValues);
  }
}

export async function revokeApiKeyAction(form: FormData) {
  const actor = await requireCaregiverPage();
  const { id } = readFields(form, ["id"]);
  try {
    await withRequestContext(() => revokeApiKey(actor, idFrom(id, "API key"), clock.now()));
  } catch (err) {
    if (err instanceof AppError) redirect(`${PAGE}?missing=1`);
    throw err;
  }
  redirect(`${PAGE}?revoked=1`);
}
