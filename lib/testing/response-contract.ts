import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/**
 * Every answer a test receives from a route is checked against the OpenAPI document, as JSON Schema 2020-12:
 * the operation's entry for that status (or its `default`), the media type it was sent as, and, for JSON,
 * the body. A handler that sends a field the document does not list, or misses one it promises, fails the
 * test that called it (docs/decisions/021-typed-contract.md).
 */
type Spec = Parameters<typeof buildOpenApiDocument>[0][number];
interface MediaEntry {
  schema?: unknown;
}
interface ResponseEntry {
  content?: Record<string, MediaEntry>;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

const documents = new WeakMap<object, { id: string; responses: Record<string, ResponseEntry>; pointer: string }>();
const validators = new Map<string, ValidateFunction>();
let next = 0;
/** a JSON pointer segment */
const escape = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

function operationOf(spec: Spec) {
  let known = documents.get(spec);
  if (!known) {
    const doc = buildOpenApiDocument([spec]) as unknown as { paths: Record<string, Record<string, { responses: Record<string, ResponseEntry> }>> };
    const [method, path] = spec.name.split(" ");
    const id = `elda-operation-${next++}`;
    ajv.addSchema(doc, id);
    const pointer = `#/paths/${escape(path)}/${method.toLowerCase()}/responses`;
    known = { id, responses: doc.paths[path][method.toLowerCase()].responses, pointer };
    documents.set(spec, known);
  }
  return known;
}

/** Throws with the differences when `res` is not what the document says this operation answers. */
export function assertDocumentedAnswer(spec: Spec, status: number, headers: Headers, text: string) {
  const op = operationOf(spec);
  const key = String(status) in op.responses ? String(status) : "default";
  const entry = op.responses[key];
  const where = `${spec.name} answered ${status}`;
  if (!entry) throw new Error(`${where}, which the OpenAPI document does not list`);
  if (!entry.content) {
    if (text !== "") throw new Error(`${where} with a body, but the document says it sends none`);
    return;
  }
  const mediaType = (headers.get("content-type") ?? "").split(";")[0].trim();
  const media = entry.content[mediaType];
  if (!media) throw new Error(`${where} as ${mediaType || "no content type"}; the document lists ${Object.keys(entry.content).join(", ")}`);
  if (!mediaType.endsWith("json")) return;
  const ref = `${op.id}${op.pointer}/${key}/content/${escape(mediaType)}/schema`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  const body = JSON.parse(text);
  if (!validate(body)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    throw new Error(`${where} with a body the OpenAPI document does not describe:\n  ${errors.slice(0, 10).join("\n  ")}`);
  }
}
