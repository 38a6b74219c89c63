import { describe, expect, it } from "vitest";
import { z } from "zod";
import { noContent, raw } from "@/lib/api/answers";
import { assertDocumentedAnswer } from "./response-contract";

const json = new Headers({ "content-type": "application/json" });
const spec = { name: "GET /api/v1/examples/{id}", auth: "caregiver", response: z.object({ id: z.uuid(), note: z.string().nullable() }) };
const id = "0b7e2a52-6a4e-4f0e-9d43-9c1f4b0f5a10";

describe("live answers against the OpenAPI document", () => {
  it("accepts a body the operation's schema describes", () => {
    expect(() => assertDocumentedAnswer(spec, 200, json, JSON.stringify({ id, note: null }))).not.toThrow();
  });

  it("refuses a wrong type, a missing field and a field the document does not list", () => {
    expect(() => assertDocumentedAnswer(spec, 200, json, JSON.stringify({ id, note: 3 }))).toThrow(/\/note must be string/);
    expect(() => assertDocumentedAnswer(spec, 200, json, JSON.stringify({ id }))).toThrow(/required property 'note'/);
    expect(() => assertDocumentedAnswer(spec, 200, json, JSON.stringify({ id, note: "", extra: 1 }))).toThrow(/additional properties/);
    expect(() => assertDocumentedAnswer(spec, 200, json, JSON.stringify({ id: "not-a-uuid", note: "" }))).toThrow(/format/);
  });

  it("refuses a success status the document does not list, and JSON where only problems are documented", () => {
    expect(() => assertDocumentedAnswer(spec, 201, json, JSON.stringify({ id, note: null }))).toThrow(/does not describe|lists application\/problem\+json/);
  });

  it("checks problems, empty answers and declared files", () => {
    const problem = { type: "about:blank", title: "Not Found", status: 404, detail: "No such example.", instance: "req-1" };
    expect(() => assertDocumentedAnswer(spec, 404, new Headers({ "content-type": "application/problem+json" }), JSON.stringify(problem))).not.toThrow();
    expect(() => assertDocumentedAnswer(spec, 404, new Headers({ "content-type": "application/problem+json" }), JSON.stringify({ status: 404 }))).toThrow();
    const empty = { name: "DELETE /api/v1/examples/{id}", auth: "caregiver", response: noContent };
    expect(() => assertDocumentedAnswer(empty, 204, new Headers(), "")).not.toThrow();
    expect(() => assertDocumentedAnswer(empty, 204, json, "{}")).toThrow(/sends none/);
    const file = { name: "GET /api/v1/examples/{id}/export", auth: "caregiver", response: raw({ "text/csv": "rows" }) };
    expect(() => assertDocumentedAnswer(file, 200, new Headers({ "content-type": "text/csv; charset=utf-8" }), "a,b\n")).not.toThrow();
    expect(() => assertDocumentedAnswer(file, 200, new Headers({ "content-type": "text/plain" }), "a,b\n")).toThrow(/text\/csv/);
  });
});
