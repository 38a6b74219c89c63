"use server";

import { AppError } from "@/lib/api/errors";
import { createApiKey, revokeApiKey, rotateApiKey } from "@/lib/caregivers/api-keys";
import { createApiKeyInput, rotateApiKeyInput } from "@/lib/caregivers/schemas";
import type { FormState } from "@/lib/dashboard/form-state";
import type { ApiKeyFormState } from "@/components/settings/api-key-state";
import { buttonAction, formAction } from "@/app/_server/action";

const PAGE = "/settings/api-keys";
const created =
  (key: { name: string; key: string }, rotated: boolean) =>
  (next: FormState): ApiKeyFormState => ({ ...next, created: { name: key.name, key: key.key, rotated } });

const createKey = formAction({
  fields: ["name", "expires_in_days"],
  schema: createApiKeyInput,
  input: (v, form, problems) => {
    if (scopesOf(form).length === 0) problems.push({ field: "scopes", message: "Choose at least one: read or write." });
    return { name: v.name, scopes: scopesOf(form), ...(v.expires_in_days && { expires_in_days: Number(v.expires_in_days) }) };
  },
  echo: (form) => ({ scopes: scopesOf(form).join(",") }),
  required: { name: "Give the key a name, for example the app that will use it." },
  run: (data, { actor, now }) => createApiKey(actor, data, now),
  revalidate: () => PAGE,
  answer: (key, next) => created(key, false)(next),
});
const scopesOf = (form: FormData) => form.getAll("scopes").filter((s): s is string => typeof s === "string");

const rotateKey = buttonAction({
  ids: { id: "API key" },
  run: ({ id }, { actor, now }) => rotateApiKey(actor, id, rotateApiKeyInput.parse({}), now),
  revalidate: () => PAGE,
  answer: (key, next) => created(key, true)(next),
});

/** Create or rotate (the `intent` field): both answer with the new secret, shown once on the page that asked. */
export const apiKeyAction = async (prev: ApiKeyFormState, form: FormData): Promise<ApiKeyFormState> =>
  (form.get("intent") === "rotate" ? rotateKey : createKey)(prev, form);

/** Revoke, from the confirmation step; a key that is gone already says so on the page. */
export const revokeApiKeyAction = buttonAction({
  ids: { id: "API key" },
  confirm: true,
  run: ({ id }, { actor, now }) => revokeApiKey(actor, id, now),
  refusedTo: (err) => (err instanceof AppError ? `${PAGE}?missing=1` : undefined),
  done: () => `${PAGE}?revoked=1`,
});
