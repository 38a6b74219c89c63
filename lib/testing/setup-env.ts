import { inject } from "vitest";

// Runs before each test file's imports: point the app's config at the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
if (inject("embedded")) process.env.ELDA_EMBEDDED_DB = "1";
(process.env as Record<string, string>).NODE_ENV = "test";
process.env.AUTH_SECRET ??= "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
process.env.LOG_LEVEL ??= "silent";
