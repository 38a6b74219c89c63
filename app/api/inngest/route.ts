import { serve } from "inngest/next";
import { inngest, inngestFunctions } from "@/lib/jobs/inngest";

/** Inngest calls this endpoint to run Elda's jobs (when INNGEST_* is configured; see lib/jobs/engine.ts). */
export const { GET, POST, PUT } = serve({ client: inngest, functions: inngestFunctions });
