import { route } from "@/lib/api/route";
import { getPreferences, updatePreferences } from "@/lib/caregivers/preferences";
import { preferences, preferencesPatch } from "@/lib/caregivers/schemas";

export const GET = route({ name: "GET /api/v1/auth/me/preferences", auth: "caregiver", response: preferences }, ({ actor }) => getPreferences(actor));
export const PATCH = route({ name: "PATCH /api/v1/auth/me/preferences", auth: "caregiver", body: preferencesPatch, response: preferences }, ({ actor, body }) =>
  updatePreferences(actor, body),
);
