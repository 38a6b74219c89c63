import type { z, ZodType } from "zod";

/*
 * What a route answers on success, declared in its spec (`response`, required): the OpenAPI document is
 * built from it, the handler's return value is typed by it, and the API tests validate every live answer
 * against it (lib/testing/response-contract.ts; docs/decisions/021-typed-contract.md).
 */

/** A success with no body: the route answers 204. */
export const noContent = { kind: "no-content" } as const;
export type NoContent = typeof noContent;

/**
 * A success that is not (only) one JSON value: a file, a CSV, TwiML, Prometheus text. `media` lists each media
 * type the handler's own `Response` may carry, with what it holds: a sentence, or for a JSON file its schema
 * (with a description), which the document shows and the tests check. A route that may also answer plain JSON
 * gives that body's schema as `json`, and its handler may return such a value too.
 */
export interface Raw<J extends ZodType | undefined = ZodType | undefined> {
  kind: "raw";
  media: Record<string, string | ZodType>;
  json: J;
}
export const raw = <J extends ZodType | undefined = undefined>(media: Record<string, string | ZodType>, json?: J): Raw<J> => ({
  kind: "raw",
  media,
  json: json as J,
});

/** What a route answers on success: a JSON body (its zod schema), nothing (204), or something else declared as raw. */
export type Answer = ZodType | NoContent | Raw;

/** A JSON body with a status other than the route's own (a monitor's 503 that still carries the report). */
export class Reply<T> {
  constructor(
    readonly body: T,
    readonly status: number,
  ) {}
}

/** What the handler may return, typed by the declared answer: a handler returning the wrong shape fails the type check. */
export type HandlerResult<R extends Answer> = R extends NoContent
  ? void
  : R extends Raw<infer J>
    ? Response | (J extends ZodType ? z.output<J> : never)
    : R extends ZodType
      ? z.output<R> | Reply<z.output<R>>
      : never;

export function isNoContent(a: Answer): a is NoContent {
  return (a as NoContent).kind === "no-content";
}

export function isRaw(a: Answer): a is Raw {
  return (a as Raw).kind === "raw";
}
