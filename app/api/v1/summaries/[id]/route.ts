import { z } from "zod";
import { route } from "@/lib/api/route";
import { getSummary } from "@/lib/summaries/summaries";
import { summaryOutput } from "@/lib/summaries/schemas";
import { uuid } from "@/lib/validation/common";

export const GET = route(
  { name: "GET /api/v1/summaries/{id}", auth: "caregiver", params: z.strictObject({ id: uuid }), response: summaryOutput },
  ({ actor, params }) => getSummary(actor, params.id),
);
