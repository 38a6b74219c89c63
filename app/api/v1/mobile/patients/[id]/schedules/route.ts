import { route } from "@/lib/api/route";
import { patientIdParams } from "@/lib/patients/schemas";
import { listPhoneSchedules } from "@/lib/schedules/list-phone-schedules";

export const GET = route({ name: "GET /api/v1/mobile/patients/{id}/schedules", auth: "device", params: patientIdParams }, ({ actor, params }) =>
  listPhoneSchedules(actor, params.id),
);
