import "server-only";
import { createDocument } from "zod-openapi";
import type { ZodType } from "zod";
import { z } from "zod";
import { isNoContent, isRaw, type Answer } from "./answers";

export interface DocumentedSpec {
  name: string;
  auth: string;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  response: Answer;
  alsoAnswers?: number[];
  status?: number;
  summary?: string;
}

const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  instance: z.string().meta({ description: "the request id (also in X-Request-Id)" }),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  code: z.string().optional(),
});

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: problem } } });

/** The success answers of one operation: its status (and any `alsoAnswers`) with what each sends. */
function successResponses(s: DocumentedSpec): Record<string, unknown> {
  const answer = s.response;
  if (isNoContent(answer)) return { 204: { description: "Done; no body." } };
  const content: Record<string, { schema: unknown }> = {};
  let description = "Success";
  if (isRaw(answer)) {
    description = Object.entries(answer.media)
      .map(([type, what]) => `${type}: ${typeof what === "string" ? what : (what.description ?? "a file")}`)
      .join("; ");
    // a file described in words has its own format's structure (Elda's export, FHIR R4): a JSON object or text
    for (const [type, what] of Object.entries(answer.media)) {
      content[type] = { schema: typeof what !== "string" ? what : type.endsWith("json") ? z.record(z.string(), z.unknown()) : z.string() };
    }
    if (answer.json) content["application/json"] = { schema: answer.json };
  } else {
    content["application/json"] = { schema: answer };
  }
  const out: Record<string, unknown> = { [String(s.status ?? 200)]: { description, content } };
  for (const other of s.alsoAnswers ?? []) out[String(other)] = { description: `${description} (the same body)`, content };
  return out;
}

/** The document itself, as this route describes it (its own schema is OpenAPI 3.1's). */
export const openApiDocumentOutput = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  components: z.object({ securitySchemes: z.record(z.string(), z.unknown()).optional(), schemas: z.record(z.string(), z.unknown()).optional() }).optional(),
  paths: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the route wrapper parses with: each
 * route's spec (name "METHOD /path", auth, params, query, body, response) becomes one operation.
 */
export function buildOpenApiDocument(specs: DocumentedSpec[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const s of specs) {
    const [method, path] = s.name.split(" ");
    const security = s.auth === "public" ? [] : s.auth === "device" || s.auth === "device_credential" ? [{ deviceCredential: [] }] : [{ bearer: [] }, { apiKey: [] }, { sessionCookie: [] }];
    (paths[path] ??= {})[method.toLowerCase()] = {
      operationId: s.name.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, ""),
      summary: s.summary ?? s.name,
      tags: [path.split("/")[3] ?? "ops"],
      security,
      requestParams: { ...(s.params ? { path: s.params } : {}), ...(s.query ? { query: s.query } : {}) },
      ...(s.body ? { requestBody: { content: { "application/json": { schema: s.body } } } } : {}),
      responses: {
        ...(s.auth !== "public" ? { 401: problemResponse("Missing, invalid, expired or revoked credentials") } : {}),
        404: problemResponse("Unknown, or not yours to see"),
        422: problemResponse("Invalid input; `errors` lists each field"),
        429: problemResponse("Too many requests; see Retry-After"),
        503: problemResponse("The database is unreachable; retry after Retry-After"),
        default: problemResponse("Any other refusal or error (400, 403, 409, 413, 415, 500...)"),
        ...successResponses(s),
      },
    };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Elda API",
      version: "1.0.0",
      description:
        "Caregiver, integration and patient-app API. Lists use cursor pagination (`limit`, `cursor` -> `next_cursor`). Errors are RFC 9457 problem+json.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Access token from POST /api/v1/auth/login" },
        apiKey: { type: "http", scheme: "bearer", description: "Personal API key (elda_key_...)" },
        deviceCredential: { type: "http", scheme: "bearer", description: "Patient device credential from POST /api/v1/mobile/setup" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Dashboard session" },
      },
    },
    paths: paths as never,
  });
}
