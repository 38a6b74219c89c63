/**
 * The dashboard's Content-Security-Policy, one per page request (proxy.ts): scripts run only with this
 * request's nonce (Next.js puts it on its own scripts when it finds it in the request's policy) or when such
 * a script loads them ('strict-dynamic'); no inline script otherwise, no eval outside development, and no
 * third-party origin for anything (docs/decisions/024-hostile-input-and-key-scopes.md).
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes and Next's font loader need inline styles; styles cannot run code
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // the service worker (public/sw.js, browser notifications) and the web app manifest come from our origin
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
