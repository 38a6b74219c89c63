import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import { reloadConfig } from "@/lib/config";

export interface MessagesRequest {
  headers: http.IncomingHttpHeaders;
  body: {
    model: string;
    system?: unknown;
    messages: { role: string; content: unknown }[];
    tools?: { name: string }[];
    tool_choice?: unknown;
    output_config?: unknown;
    [k: string]: unknown;
  };
}

/** What the fake answers: a JSON object to return as the structured output, an HTTP error, or a delay first. */
export type FakeAnswer = { json: unknown; delayMs?: number } | { status: number; error: string; delayMs?: number };

/**
 * A local stand-in for Anthropic's Messages API (POST /v1/messages), enough for the AI SDK's provider to talk
 * to over real HTTP: it records every request and answers a structured output either way the SDK asks for
 * one (the forced `json` tool, or `output_config.format`: then the JSON comes back as text).
 */
export async function startFakeAnthropic(answer: (req: MessagesRequest) => FakeAnswer) {
  const requests: MessagesRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.endsWith("/messages")) {
        res.writeHead(404).end();
        return;
      }
      const parsed: MessagesRequest = { headers: req.headers, body: JSON.parse(raw) };
      requests.push(parsed);
      const a = answer(parsed);
      setTimeout(() => {
        if (res.destroyed) return;
        if ("status" in a) {
          res.writeHead(a.status, { "content-type": "application/json" });
          res.end(JSON.stringify({ type: "error", error: { type: a.error, message: `fake ${a.error}` } }));
          return;
        }
        const viaTool = parsed.body.tools?.some((t) => t.name === "json");
        const content = viaTool ? [{ type: "tool_use", id: "toolu_fake_1", name: "json", input: a.json }] : [{ type: "text", text: JSON.stringify(a.json) }];
        res.writeHead(200, { "content-type": "application/json", "request-id": `req_fake_${requests.length}` });
        res.end(
          JSON.stringify({
            id: `msg_fake_${requests.length}`,
            type: "message",
            role: "assistant",
            model: parsed.body.model,
            content,
            stop_reason: viaTool ? "tool_use" : "end_turn",
            stop_sequence: null,
            usage: { input_tokens: 120, output_tokens: 60 },
          }),
        );
      }, a.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A model answer to small talk: nothing to flag (fill in `reply` and the rest as a test needs). */
export const smallTalk = (fields: Record<string, unknown> = {}) => ({
  reply: "Model reply.",
  intent: "chat",
  sentiment: "positive",
  urgency: "none",
  health_mentions: [],
  topics: [],
  reminder_completed: false,
  recommended_actions: [],
  caregiver_note: "",
  ...fields,
});

/**
 * For a test file: the fake started before its tests with the app pointed at it (`ANTHROPIC_API_KEY`,
 * `ANTHROPIC_BASE_URL`), both undone after them, and the requests it received forgotten after each test.
 * `answer` is asked on every request, so a test may change what it returns.
 */
export function withFakeAnthropic(answer: (req: MessagesRequest) => FakeAnswer) {
  let fake: Awaited<ReturnType<typeof startFakeAnthropic>>;
  beforeAll(async () => {
    fake = await startFakeAnthropic((req) => answer(req));
    process.env.ANTHROPIC_API_KEY = "sk-ant-fake-key";
    process.env.ANTHROPIC_BASE_URL = fake.url;
    reloadConfig();
  });
  afterAll(async () => {
    delete process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_BASE_URL;
    reloadConfig();
    await fake.close();
  });
  afterEach(() => {
    fake.requests.length = 0;
  });
  return {
    get requests() {
      return fake.requests;
    },
  };
}
