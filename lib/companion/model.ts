import "server-only";
import { z } from "zod";
import { generateObject, type LanguageModel } from "ai";
import { createAnthropic } from "@ai-sdk/anthropic";
import { config } from "@/lib/config";

/** What the model must return: the reply plus a structured analysis, validated with zod (SPEC §6). */
export const modelAnalysis = z.object({
  reply: z
    .string()
    .min(1)
    .max(800)
    .describe("What the companion says back: warm, 2-3 short sentences, in the patient's language and style, never a diagnosis."),
  intent: z.enum(["chat", "health_complaint", "emergency", "reminder_done", "question", "greeting", "farewell", "other"]),
  sentiment: z.enum(["positive", "neutral", "concerned", "distressed"]),
  urgency: z.enum(["none", "low", "medium", "high", "critical"]),
  health_mentions: z.array(z.string().max(60)).max(10),
  topics: z.array(z.string().max(40)).max(10),
  reminder_completed: z.boolean().describe("true only if the patient says they did the task they were reminded of"),
  recommended_actions: z.array(z.string().max(200)).max(5),
  caregiver_note: z.string().max(500).describe("One or two sentences for the care team."),
});
export type ModelAnalysis = z.infer<typeof modelAnalysis>;

type Factory = (modelId: string) => LanguageModel | null;

/** The default: Anthropic through the Vercel AI SDK when ANTHROPIC_API_KEY is set; no model otherwise. */
const anthropicFactory: Factory = (modelId) => {
  const c = config().anthropic;
  if (!c) return null;
  return createAnthropic({ apiKey: c.apiKey, ...(c.baseURL ? { baseURL: c.baseURL } : {}) })(modelId);
};

let factory: Factory = anthropicFactory;

/** Tests: a stand-in provider (the AI SDK's mock model). null returns to the default. */
export function setModelFactory(f: Factory | null) {
  factory = f ?? anthropicFactory;
}

export function languageModel(provider: string, modelId: string): LanguageModel | null {
  return provider === "offline" ? null : factory(modelId);
}

/**
 * Ask the model for an object of `schema`, giving up after `timeoutMs`. The abort signal cancels the request;
 * the race guarantees the deadline even if a provider ignores the signal. Used by the companion and the daily
 * summary's narrative (lib/summaries/summary-narrative.ts).
 */
export async function generateWithin<T>(
  model: LanguageModel,
  schema: z.ZodType<T>,
  system: string,
  messages: { role: "user" | "assistant"; content: string }[],
  timeoutMs: number,
): Promise<{ object: T; tokensIn: number; tokensOut: number }> {
  const ms = Math.max(1, Math.floor(timeoutMs));
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`the model did not answer within ${ms} ms`));
    }, ms);
  });
  try {
    const { object, usage } = await Promise.race([
      generateObject({ model, schema, system, messages, maxRetries: 0, abortSignal: controller.signal }),
      deadline,
    ]);
    return { object: object as T, tokensIn: usage.inputTokens ?? 0, tokensOut: usage.outputTokens ?? 0 };
  } finally {
    clearTimeout(timer);
  }
}

/** The companion's turn: the reply and its analysis (the app waits 10 seconds; we answer within 8 whatever happens). */
export async function askModel(
  model: LanguageModel,
  system: string,
  messages: { role: "user" | "assistant"; content: string }[],
  timeoutMs: number,
): Promise<{ analysis: ModelAnalysis; tokensIn: number; tokensOut: number }> {
  const { object, tokensIn, tokensOut } = await generateWithin(model, modelAnalysis, system, messages, timeoutMs);
  return { analysis: object, tokensIn, tokensOut };
}
