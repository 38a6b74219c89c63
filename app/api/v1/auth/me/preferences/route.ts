import { route } from "@/lib/api/route";
import { getPreferences, updatePreferences } from "@/lib/caregivers/preferences";
import { preferencesPatch } from "@/lib/caregivers/schemas";

export const GET = route({ name: "GET /api/v1/auth/me/preferences", auth: "caregiver" }, ({ actor }) => getPreferences(actor));
export const PATCH = route({ name: "PATCH /api/v1/auth/me/preferences", auth: "caregiver", body: preferencesPatch }, ({ actor, body }) =>
  updatePreferences(actor, body),
);
