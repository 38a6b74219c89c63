import { route } from "@/lib/api/route";
import { recordCaregiverContact } from "@/lib/activity/record-caregiver-contact";
import { caregiverContactOutput, spokeWithInput } from "@/lib/activity/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const POST = route(
  {
    name: "POST /api/v1/patients/{id}/spoke-with",
    auth: "caregiver",
    params: patientIdParams,
    body: spokeWithInput,
    status: 201,
    response: caregiverContactOutput,
    summary: "Record that you spoke to the patient: a sign of life that ends an open inactivity episode",
  },
  ({ actor, params, body, now }) => recordCaregiverContact(actor, params.id, body, now),
);
