import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
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
    expect(create.requestBody.content["application/json"].schema.required).toEqual(expect.arrayContaining(["first_name", "last_name", "date_of_birth"]));
    expect(create.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
  });
});
