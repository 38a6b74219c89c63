import { assertDocumentedAnswer } from "./response-contract";

/**
 * Call a route handler in-process with a real Request (so the whole wrapper runs and coverage counts). The
 * answer of a `route()` handler is checked against the OpenAPI document (lib/testing/response-contract.ts).
 */
type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { spec?: object };

export interface CallOptions {
  method?: string;
  /** path and query, e.g. "/api/v1/patients?q=betty" */
  path?: string;
  params?: Record<string, string>;
  body?: unknown;
  /** raw body text (sent as is) */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(handler: Handler, opts: CallOptions = {}): Promise<CallResult<T>> {
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new Request(`http://localhost:3000${opts.path ?? "/"}`, { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  if (handler.spec) assertDocumentedAnswer(handler.spec as never, res.status, res.headers, text);
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
