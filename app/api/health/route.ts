import { route } from "@/lib/api/route";

/** Liveness: the process answers. */
export const GET = route({ name: "GET /api/health", auth: "public" }, async () => ({ status: "ok" }));
