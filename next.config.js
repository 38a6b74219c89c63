import createNextIntlPlugin from "next-intl/plugin";

// the dashboard's language (i18n/request.ts): the caregiver's, no locale in the URL
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  // several dev servers side by side (one per worktree task) each need their own build folder
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `next dev` serves its live-reload and client chunks only to known origins: without this, a page opened
  // at 127.0.0.1 (as the browser tests do) never hydrates in dev
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  experimental: {
    // proxy.ts sees every request, so Next.js buffers a request's body for it: never more than the API reads
    // (MAX_JSON_BODY_BYTES; one byte more, so that an oversized chunked body still answers 413)
    proxyClientMaxBodySize: Number(process.env.MAX_JSON_BODY_BYTES || 1024 * 1024) + 1,
  },
  serverExternalPackages: ["pino", "@electric-sql/pglite", "@electric-sql/pglite-socket", "prom-client"],
  async headers() {
    // pages get their Content-Security-Policy, with a fresh script nonce, from proxy.ts; the API's is fixed
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
