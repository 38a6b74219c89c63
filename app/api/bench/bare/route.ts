import { NotFound } from "@/lib/api/errors";

/**
 * The benchmark's yardstick: a bare route handler that parses the JSON body and answers, with no wrapper
 * and no database. It exists only when ELDA_BENCH_ROUTES=1 (set by `npm run bench`); otherwise 404.
 */
export async function POST(req: Request) {
  if (process.env.ELDA_BENCH_ROUTES !== "1") return Response.json({ status: 404, detail: new NotFound().message }, { status: 404 });
  const body = await req.json();
  return Response.json({ success: true, pending_actions: [], echo: typeof body });
}
