import { route } from "@/lib/api/route";
import { livenessOutput } from "@/lib/health/schemas";

/** Liveness: the process answers. */
export const GET = route({ name: "GET /api/health", auth: "public", response: livenessOutput }, async () => ({ status: "ok" as const }));
