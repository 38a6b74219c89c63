import "server-only";
import { PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from "./errors";

/**
 * Read a JSON body with a hard size limit (streamed, so a huge body is cut off, not buffered).
 * An absent or empty body reads as `undefined`; anything but application/json is refused (415).
 */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new PayloadTooLarge(limit);
  if (!req.body || declared === "0") return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
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
  if (size === 0) return undefined;
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) throw new UnsupportedMediaType();
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationFailed([{ field: "", message: "The body is not valid JSON." }], "The body is not valid JSON.");
  }
}
