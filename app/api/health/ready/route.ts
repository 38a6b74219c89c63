import { route } from "@/lib/api/route";
import { Reply } from "@/lib/api/answers";
import { readinessOutput } from "@/lib/health/schemas";
import { checkReadiness } from "@/lib/db/readiness";

export const GET = route({ name: "GET /api/health/ready", auth: "public", response: readinessOutput, alsoAnswers: [503] }, async () => {
  const r = await checkReadiness();
  return new Reply(r, r.ready ? 200 : 503);
});
