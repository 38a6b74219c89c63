import { serve } from "inngest/next";
import { AppError } from "@/lib/api/errors";
import { problemResponse } from "@/lib/api/problem-response";
import { engineMode } from "@/lib/jobs/engine";
import { inngest, inngestFunctions } from "@/lib/jobs/inngest";

/**
 * Inngest calls this endpoint to run Elda's jobs when Inngest is the engine (INNGEST_*; lib/jobs/engine.ts).
 * Otherwise (the embedded runner, or no engine) there is nothing here: 404 problem+json, not Inngest's 500.
 */
const served = serve({ client: inngest, functions: inngestFunctions });
type Verb = keyof typeof served;

const unlessInngest =
  (verb: Verb) =>
  (req: Request, ctx: unknown): Promise<Response> =>
    engineMode() === "inngest"
      ? (served[verb] as (req: Request, ctx: unknown) => Promise<Response>)(req, ctx)
      : Promise.resolve(
          problemResponse(req, new AppError(404, "Not found", "The jobs run in this process (the embedded runner), not on Inngest: nothing is served here.")),
        );

export const GET = unlessInngest("GET");
export const POST = unlessInngest("POST");
export const PUT = unlessInngest("PUT");
