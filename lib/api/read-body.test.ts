import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-body";

const streamOf = (text: string, chunk = 1000) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
      c.close();
    },
  });

const chunked = (text: string, type = "application/json") =>
  new Request("http://x/", { method: "POST", body: streamOf(text), headers: { "content-type": type }, duplex: "half" } as RequestInit);

describe("readJsonBody", () => {
  it("reads declared and chunked JSON bodies", async () => {
    const declared = new Request("http://x/", { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json; charset=utf-8" } });
    expect(await readJsonBody(declared, 100)).toEqual({ a: 1 });
    expect(await readJsonBody(chunked('{"b":2}'), 100)).toEqual({ b: 2 });
    expect(await readJsonBody(chunked("", "application/json"), 100)).toBeUndefined();
  });

  it("cuts a chunked body off at the limit instead of buffering it", async () => {
    await expect(readJsonBody(chunked(JSON.stringify({ x: "y".repeat(5000) })), 1024)).rejects.toMatchObject({ status: 413 });
  });

  it("refuses a declared oversize body before reading it, and non-JSON types", async () => {
    const big = new Request("http://x/", { method: "POST", body: "x".repeat(2000), headers: { "content-type": "application/json", "content-length": "2000" } });
    await expect(readJsonBody(big, 1024)).rejects.toMatchObject({ status: 413 });
    await expect(readJsonBody(chunked("a=b", "text/plain"), 1024)).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(chunked("{oops"), 1024)).rejects.toMatchObject({ status: 422 });
  });
});
