/** The database port and secret the Playwright web server runs with (shared by the config and the fixtures). */
export const E2E_DB_PORT = Number(process.env.E2E_DB_PORT ?? 5533);
export const E2E_AUTH_SECRET = "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
/** e2e/cors.spec.ts serves a page from this second origin, the one the server's CORS_ORIGINS allows */
export const E2E_CORS_PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
export const E2E_CORS_ORIGIN = `http://127.0.0.1:${E2E_CORS_PORT}`;
