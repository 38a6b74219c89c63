import "server-only";
import { z, type ZodType } from "zod";
import { config } from "@/lib/config";
import { clock } from "@/lib/clock";
import { logger } from "@/lib/observability/logger";
import { observeRequest } from "@/lib/observability/metrics";
import { clientIpFrom, requestContext, requestIdFrom } from "@/lib/observability/request-context";
import { reportError } from "@/lib/observability/sentry";
import { annotateSpan, inSpan } from "@/lib/observability/spans";
import type { Actor, CaregiverActor, DeviceActor, DeviceCredential } from "@/lib/auth/actor";
import { bearerToken, resolveActor } from "@/lib/auth/resolve-actor";
import { deviceCredentialOf } from "@/lib/auth/device-credentials";
import { assertKeyScope } from "@/lib/auth/policy";
import { Forbidden, NotFound, Unauthenticated, ValidationFailed } from "./errors";
import { databaseUnavailableCause } from "@/lib/db/unavailable";
import { toProblem, zodFieldErrors } from "./problem";
import { readJsonBody } from "./read-body";
import { refuseNul } from "./hostile-input";
import { corsHeaders, isAllowedOrigin } from "./cors";
import { isNoContent, Reply, type Answer, type HandlerResult } from "./answers";

/**
 * "device_credential": a phone's route whose handler checks the credential itself, inside its one statement
 * (the heartbeat; docs/decisions/034-hot-paths.md). The wrapper only hashes the bearer token; the handler
 * answers 401 when it resolves to no live device, as the wrapper would.
 */
type AuthMode = "public" | "caregiver" | "device" | "device_credential" | "caregiver_or_device";
type ActorFor<M extends AuthMode> = M extends "public"
  ? Actor | null
  : M extends "caregiver"
    ? CaregiverActor
    : M extends "device"
      ? DeviceActor
      : M extends "device_credential"
        ? DeviceCredential
        : CaregiverActor | DeviceActor;

export interface RouteSpec<M extends AuthMode, P extends ZodType, Q extends ZodType, B extends ZodType, R extends Answer> {
  /** "GET /api/v1/patients/{id}": names the route in logs, metrics and the OpenAPI document */
  name: string;
  auth: M;
  params?: P;
  query?: Q;
  body?: B;
  /** success status of a JSON answer (default 200); `noContent` answers 204 */
  status?: number;
  /** the success answer: required, so every operation documents what it sends */
  response: R;
  /** other statuses that carry the same JSON body (sent as a `Reply`) */
  alsoAnswers?: number[];
  summary?: string;
}

export interface RouteContext<M extends AuthMode, P, Q, B> {
  req: Request;
  actor: ActorFor<M>;
  params: P;
  query: Q;
  body: B;
  now: Date;
  requestId: string;
  ip: string | null;
}

type Infer<T> = T extends ZodType ? z.infer<T> : undefined;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function parseWith<T extends ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationFailed(zodFieldErrors(r.error, prefix));
  return r.data;
}

/** A cookie-authenticated write must come from our own pages (or an allowed origin): CSRF protection. */
function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  if (!origin) {
    if (req.headers.get("sec-fetch-site") === "same-origin") return;
    throw new Forbidden("Cross-site request refused. Send the request from the Elda dashboard or use an API key.");
  }
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new Forbidden("Cross-site request refused.");
  }
  if (originHost === host || isAllowedOrigin(origin) || origin === new URL(config().appUrl).origin) return;
  throw new Forbidden("Cross-site request refused. Send the request from the Elda dashboard or use an API key.");
}

/**
 * The one wrapper every API route goes through: request id, actor, CSRF, API-key scopes, hostile input
 * (NUL, deep nesting: lib/api/hostile-input.ts), zod parsing of params, query and body (unknown fields
 * refused), one handler call, RFC 9457 problems (an unexpected error also goes to Sentry when it is on), a span,
 * a log line and metrics (with the request's database time: lib/observability/query-timing.ts).
 */
export function route<M extends AuthMode, R extends Answer, P extends ZodType = never, Q extends ZodType = never, B extends ZodType = never>(
  spec: RouteSpec<M, P, Q, B, R>,
  handler: (ctx: RouteContext<M, Infer<P>, Infer<Q>, Infer<B>>) => Promise<HandlerResult<R>>,
) {
  const empty = isNoContent(spec.response);
  if (spec.status === 204 || (empty && spec.status !== undefined))
    throw new Error(`${spec.name}: declare an empty answer as response: noContent, without a status`);
  const handle = (req: Request, routeCtx?: { params?: Promise<Record<string, string>> }): Promise<Response> =>
    inSpan(spec.name, { "http.request.method": req.method, "http.route": spec.name }, () => answer(req, routeCtx));
  const answer = async (req: Request, routeCtx?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers);
    const ip = clientIpFrom(req.headers);
    const db = { ms: 0, queries: 0 };
    let status = 500;
    let actorId: string | null = null;
    let credential: DeviceCredential | null = null;
    return requestContext.run({ requestId, ip, db }, async () => {
      const headers = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
      for (const [k, v] of Object.entries(corsHeaders(req.headers.get("origin")))) headers.set(k, v);
      try {
        const now = clock.now();
        const authorization = req.headers.get("authorization");
        credential = spec.auth === "device_credential" && authorization ? deviceCredentialOf(bearerToken(authorization)) : null;
        const resolved = credential || (spec.auth === "public" && !authorization) ? null : await resolveActor(req, now);
        const actor = resolved?.actor ?? null;
        actorId = actor?.kind === "caregiver" ? actor.caregiverId : actor?.kind === "device" ? actor.deviceId : null;
        if (spec.auth !== "public" && !credential) {
          if (!actor) throw new Unauthenticated(authorization ? "The credential is invalid, expired or revoked." : undefined);
          if (spec.auth === "caregiver" && actor.kind !== "caregiver") throw new NotFound();
          if ((spec.auth === "device" || spec.auth === "device_credential") && actor.kind !== "device") throw new NotFound();
        }
        if (resolved?.viaCookie && !SAFE_METHODS.has(req.method)) assertSameOrigin(req);
        // the verb the route declares (a HEAD reaches GET's handler): "read" to read, "write" for anything unsafe
        if (actor) assertKeyScope(actor, spec.name.split(" ")[0]);
        const rawParams = (await routeCtx?.params) ?? {};
        const rawQuery = Object.fromEntries(new URL(req.url).searchParams);
        refuseNul(rawParams, "path");
        refuseNul(rawQuery, "query");
        const params = spec.params ? parseWith(spec.params, rawParams, "") : undefined;
        const query = spec.query ? parseWith(spec.query, rawQuery, "") : undefined;
        let body: unknown = undefined;
        if (spec.body) {
          const raw = await readJsonBody(req, config().maxJsonBodyBytes);
          body = parseWith(spec.body, raw ?? {}, "");
        }
        const result: unknown = await handler({
          req,
          actor: (credential ?? actor) as ActorFor<M>,
          params: params as Infer<P>,
          query: query as Infer<Q>,
          body: body as Infer<B>,
          now,
          requestId,
          ip,
        });
        if (result instanceof Response) {
          status = result.status;
          for (const [k, v] of headers) if (!result.headers.has(k)) result.headers.set(k, v);
          return result;
        }
        if (empty) {
          status = 204;
          return new Response(null, { status, headers });
        }
        status = result instanceof Reply ? result.status : (spec.status ?? 200);
        headers.set("content-type", "application/json");
        return new Response(JSON.stringify(result instanceof Reply ? result.body : result), { status, headers });
      } catch (err) {
        const { problem, retryAfter, internal, transient } = toProblem(err, requestId);
        status = problem.status;
        if (internal) {
          logger.error({ err, requestId, route: spec.name }, "unhandled error");
          reportError(err, { route: spec.name });
        }
        else if (transient) logger.warn({ requestId, route: spec.name, cause: databaseUnavailableCause(err) }, "database unreachable; answered 503");
        headers.set("content-type", "application/problem+json");
        if (retryAfter) headers.set("retry-after", String(retryAfter));
        if (status === 401) headers.set("www-authenticate", 'Bearer realm="elda"');
        return new Response(JSON.stringify(problem), { status, headers });
      } finally {
        const ms = performance.now() - started;
        actorId ??= credential?.deviceId ?? null;
        observeRequest(spec.name, status, ms, db.ms);
        annotateSpan({ "http.response.status_code": status, "elda.db.ms": db.ms, "elda.db.queries": db.queries });
        const round = (n: number) => Math.round(n * 10) / 10;
        logger.info({ requestId, method: req.method, route: spec.name, status, ms: round(ms), dbMs: round(db.ms), dbQueries: db.queries, actorId }, "request");
      }
    });
  };
  return Object.assign(handle, { spec: spec as RouteSpec<AuthMode, ZodType, ZodType, ZodType, Answer> });
}
