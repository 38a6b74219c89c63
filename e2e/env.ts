/** The database port and secret the Playwright web server runs with (shared by the config and the fixtures). */
export const E2E_DB_PORT = Number(process.env.E2E_DB_PORT ?? 5533);
export const E2E_AUTH_SECRET = "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
