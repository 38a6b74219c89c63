const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID, before it goes near a `::uuid` cast (where anything else is a database error). */
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);
