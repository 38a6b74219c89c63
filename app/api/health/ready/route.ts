import { route } from "@/lib/api/route";
import { checkReadiness } from "@/lib/db/readiness";

export const GET = route({ name: "GET /api/health/ready", auth: "public" }, async () => {
  const r = await checkReadiness();
  return Response.json(r, { status: r.ready ? 200 : 503 });
});
