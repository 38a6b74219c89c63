/**
 * The one error vocabulary. Domain code throws these; the route wrapper turns them (and zod and known
 * Prisma errors) into RFC 9457 problem+json.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number; code?: string } = {},
  ) {
    super(message);
  }
}

export class BadRequest extends AppError {
  constructor(message: string) {
    super(400, "Bad request", message);
  }
}
export class Unauthenticated extends AppError {
  constructor(message = "Sign in or send valid credentials.", code?: string) {
    super(401, "Unauthenticated", message, { code });
  }
}
export class Forbidden extends AppError {
  constructor(message = "You are not allowed to do this.", code?: string) {
    super(403, "Forbidden", message, { code });
  }
}
export class NotFound extends AppError {
  constructor(what = "Resource") {
    super(404, "Not found", `${what} not found.`);
  }
}
export class Conflict extends AppError {
  constructor(message: string, code?: string) {
    super(409, "Conflict", message, { code });
  }
}
export class PayloadTooLarge extends AppError {
  constructor(limit: number) {
    super(413, "Payload too large", `The request body is larger than ${limit} bytes.`);
  }
}
export class UnsupportedMediaType extends AppError {
  constructor() {
    super(415, "Unsupported media type", "Send the body as application/json.");
  }
}
export class ValidationFailed extends AppError {
  constructor(errors: FieldError[], message = "The request has invalid fields.") {
    super(422, "Validation failed", message, { errors });
  }
}
export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, message = "Too many requests. Try again later.") {
    super(429, "Too many requests", message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }
}
export class Unavailable extends AppError {
  constructor(message = "The service is temporarily unavailable.") {
    super(503, "Service unavailable", message);
  }
}
