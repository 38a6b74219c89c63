import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeLocalCertificate } from "../lib/testing/fake-push-service";

/**
 * The browser-notification spec runs a push service on 127.0.0.1 over HTTPS (lib/testing/fake-push-service.ts);
 * the app server trusts its self-signed certificate through NODE_EXTRA_CA_CERTS and may send to that host
 * (WEB_PUSH_ALLOWED_HOSTS). Made once per server port, before the server starts; the config and the test
 * workers read the same files.
 */
export function e2ePushTls(port: number) {
  const dir = path.join(tmpdir(), `elda-e2e-push-tls-${port}`);
  const files = { key: path.join(dir, "key.pem"), cert: path.join(dir, "cert.pem") };
  if (!existsSync(files.cert) || !existsSync(files.key)) {
    mkdirSync(dir, { recursive: true });
    return makeLocalCertificate(dir);
  }
  return files;
}
