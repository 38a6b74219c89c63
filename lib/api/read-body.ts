import "server-only";
import { assertSafeJson } from "./hostile-input";
import { PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from "./errors";

/**
 * Read a JSON body with a hard size limit. A declared length over the limit is refused before reading;
 * an undeclared (chunked) body is streamed and cut off at the limit, never buffered whole. An absent or
 * empty body reads as `undefined`; anything but application/json is refused (415); a NUL character or nesting
 * deeper than MAX_JSON_DEPTH is refused (400, lib/api/hostile-input.ts).
 */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new PayloadTooLarge(limit);
  if (!req.body || declared === "0") return undefined;
  const bytes = declared !== null ? new Uint8Array(await req.arrayBuffer()) : await readCapped(req.body, limit);
  if (bytes.byteLength > limit) throw new PayloadTooLarge(limit);
  if (bytes.byteLength === 0) return undefined;
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) throw new UnsupportedMediaType();
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ValidationFailed([{ field: "", message: "The body is not valid JSON." }], "The body is not valid JSON.");
  }
  assertSafeJson(value);
  return value;
}

async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
