import { route } from "@/lib/api/route";
import { getMyProfile, updateMyProfile } from "@/lib/caregivers/profile";
import { caregiverOutput, updateProfileInput } from "@/lib/caregivers/schemas";

export const GET = route({ name: "GET /api/v1/auth/me", auth: "caregiver", response: caregiverOutput }, ({ actor }) => getMyProfile(actor));
export const PATCH = route({ name: "PATCH /api/v1/auth/me", auth: "caregiver", body: updateProfileInput, response: caregiverOutput }, ({ actor, body }) =>
  updateMyProfile(actor, body),
);
