import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { call } from "@/lib/testing/http";
import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import * as openapi from "./openapi.json/route";

const apiDir = path.resolve(import.meta.dirname, "..");
// next-auth, the document itself, Prometheus text, Inngest serve(), and the benchmark yardstick (deliberately bare)
const SKIP = new Set(["auth/[...nextauth]/route.ts", "v1/openapi.json/route.ts", "metrics/route.ts", "inngest/route.ts", "bench/bare/route.ts"]);

describe("OpenAPI document", () => {
  it("documents every API route, generated from the zod schemas", async () => {
    const r = await call(openapi.GET, { path: "/api/v1/openapi.json" });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(r.body.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`);
    }
    const files = (readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts") && !SKIP.has(f));
    for (const f of files) {
      const mod = await import(path.join(apiDir, f));
      for (const [verb, handler] of Object.entries(mod)) {
        const spec = (handler as { spec?: { name: string } }).spec;
        expect(spec, `${f} ${verb} goes through route()`).toBeDefined();
        expect(documented.has(spec!.name), `${spec!.name} is in the document`).toBe(true);
        const urlPath = "/api/" + f.replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
        expect(spec!.name, `${f} names its verb and path`).toBe(`${verb} ${urlPath}`);
      }
    }
    const create = r.body.paths["/api/v1/patients"].post;
    expect(create.responses["201"].content["application/json"].schema.required).toEqual(expect.arrayContaining(["id", "first_name"]));
    expect(create.requestBody.content["application/json"].schema.required).toEqual(expect.arrayContaining(["first_name", "last_name", "date_of_birth"]));
    expect(create.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
  });

  it("documents what every operation sends on success: a body schema, a declared file or no body at all", async () => {
    const r = await call(openapi.GET, { path: "/api/v1/openapi.json" });
    const undocumented: string[] = [];
    let operations = 0;
    for (const [p, ops] of Object.entries(
      r.body.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>,
    )) {
      for (const [m, op] of Object.entries(ops)) {
        operations++;
        const successes = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
        if (successes.length === 0) undocumented.push(`${m.toUpperCase()} ${p}: no success status`);
        for (const [status, entry] of successes) {
          if (status === "204") {
            if (entry.content) undocumented.push(`${m.toUpperCase()} ${p}: 204 with a body`);
            continue;
          }
          if (!entry.content || Object.keys(entry.content).length === 0) undocumented.push(`${m.toUpperCase()} ${p}: ${status} without content`);
          for (const [type, media] of Object.entries(entry.content ?? {})) {
            // an empty schema is z.unknown(): it says nothing about the body
            if (Object.keys(media.schema ?? {}).length === 0) undocumented.push(`${m.toUpperCase()} ${p}: ${status} ${type} has no schema`);
          }
        }
      }
    }
    expect(operations).toBeGreaterThan(80);
    expect(undocumented).toEqual([]);
  });

  it("refuses, when a route is defined, a 204 declared with a body", () => {
    expect(() => route({ name: "DELETE /api/v1/example", auth: "public", status: 204, response: z.object({}) }, async () => ({}))).toThrow(/noContent/);
    expect(() => route({ name: "DELETE /api/v1/example", auth: "public", status: 200, response: noContent }, async () => {})).toThrow(/noContent/);
  });
});
