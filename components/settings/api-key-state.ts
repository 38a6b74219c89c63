import type { FormState } from "@/lib/dashboard/form-state";

/** The API-key form's state: the usual form state plus the secret just made (shown once, never stored). */
export type ApiKeyFormState = FormState & { created?: { name: string; key: string; rotated: boolean } };
