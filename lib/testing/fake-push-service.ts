import { execFileSync } from "node:child_process";
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A browser's push service on 127.0.0.1 over HTTPS with a self-signed certificate (made with openssl for
 * the run), for testing the real `web-push` client end to end. For every push it checks what a real push
 * service checks and what the browser does with it, independently of the library:
 * - `Content-Encoding: aes128gcm`, a `TTL`, and `Authorization: vapid t=<JWT>, k=<key>` whose ES256 JWT
 *   verifies with that key, is for this origin (`aud`), has a `sub` and expires within 24 hours (RFC 8292);
 * - the body decrypts (RFC 8291/8188) with the private key and auth secret of a subscription this fake
 *   made the way a browser does.
 * `answer` sets the status code per request (201 by default; 404/410 mean "subscription gone").
 */
export interface ReceivedPush {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** the VAPID JWT's claims and key, once verified */
  vapid: { aud: string; exp: number; sub: string; k: string };
  /** the decrypted payload */
  payload: unknown;
}

export interface FakeBrowser {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  ecdh: ECDH;
  authSecret: Buffer;
}

/** A self-signed certificate for 127.0.0.1 (openssl), written into `dir`; returns the PEM file paths. */
export function makeLocalCertificate(dir: string) {
  const files = { key: path.join(dir, "key.pem"), cert: path.join(dir, "cert.pem") };
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      files.key,
      "-out",
      files.cert,
    ],
    { stdio: "ignore" },
  );
  return files;
}

export async function startFakePushService(tls?: { key: Buffer; cert: Buffer }) {
  let key: Buffer;
  let cert: Buffer;
  if (tls) ({ key, cert } = tls);
  else {
    const dir = mkdtempSync(path.join(tmpdir(), "elda-push-tls-"));
    const files = makeLocalCertificate(dir);
    key = readFileSync(files.key);
    cert = readFileSync(files.cert);
    rmSync(dir, { recursive: true, force: true });
  }

  const browsers = new Map<string, FakeBrowser>();
  const received: ReceivedPush[] = [];
  const refused: { path: string; reason: string }[] = [];
  let answer: (path: string) => number = () => 201;
  let seq = 0;

  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const p = req.url ?? "";
      const status = answer(p);
      if (status >= 300) {
        res.writeHead(status).end(status === 410 ? "push subscription has unsubscribed or expired." : "nope");
        return;
      }
      try {
        const browser = browsers.get(p);
        if (!browser) throw new Error("unknown subscription");
        if (req.method !== "POST") throw new Error(`method ${req.method}`);
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error(`Content-Encoding ${req.headers["content-encoding"]}`);
        if (!/^\d+$/.test(String(req.headers.ttl ?? ""))) throw new Error("no TTL");
        const vapid = verifyVapid(String(req.headers.authorization ?? ""), `https://127.0.0.1:${port}`);
        const payload = JSON.parse(decryptAes128gcm(Buffer.concat(chunks), browser).toString("utf8"));
        received.push({ path: p, headers: req.headers, vapid, payload });
        res.writeHead(201, { location: `https://127.0.0.1:${port}/m/${++seq}` }).end();
      } catch (err) {
        refused.push({ path: p, reason: (err as Error).message });
        res.writeHead(400).end((err as Error).message);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;

  return {
    /** trust this in the web-push client (setWebPushAgent) */
    agent: new https.Agent({ ca: cert }),
    host: "127.0.0.1",
    received,
    refused,
    /** a new browser: a P-256 key pair and an auth secret, as PushManager.subscribe makes them */
    browser(): FakeBrowser {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const b = {
        endpoint: `https://127.0.0.1:${port}/push/${randomBytes(12).toString("hex")}`,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url") },
        ecdh,
        authSecret,
      };
      browsers.set(new URL(b.endpoint).pathname, b);
      return b;
    },
    /** what the push service answers (by request path) */
    answerWith(fn: (path: string) => number) {
      answer = fn;
    },
    pushesTo(b: FakeBrowser) {
      return received.filter((r) => r.path === new URL(b.endpoint).pathname);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** RFC 8292: `vapid t=<JWT>, k=<base64url P-256 public key>`; the JWT is ES256-signed with that key. */
function verifyVapid(header: string, origin: string) {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header);
  if (!m) throw new Error(`Authorization is not VAPID: ${header.slice(0, 30)}`);
  const [jwt, k] = [m[1], m[2]];
  const [h, p, sig] = jwt.split(".");
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4) throw new Error("k is not an uncompressed P-256 point");
  const publicKey = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") },
    format: "jwk",
  });
  const ok = verify("sha256", Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(sig, "base64url"));
  if (!ok) throw new Error("VAPID signature does not verify");
  if (JSON.parse(Buffer.from(h, "base64url").toString()).alg !== "ES256") throw new Error("VAPID alg is not ES256");
  const claims = JSON.parse(Buffer.from(p, "base64url").toString());
  if (claims.aud !== origin) throw new Error(`VAPID aud ${claims.aud} is not ${origin}`);
  const now = Date.now() / 1000;
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600 + 60)) throw new Error("VAPID exp out of range");
  if (!/^(mailto:|https:)/.test(claims.sub ?? "")) throw new Error("VAPID sub missing");
  return { ...claims, k };
}

/** RFC 8291 (Web Push message encryption) over RFC 8188 aes128gcm, one record, as a browser decrypts it. */
function decryptAes128gcm(body: Buffer, b: FakeBrowser): Buffer {
  const salt = body.subarray(0, 16);
  const idlen = body[20];
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  const uaPublic = b.ecdh.getPublicKey();
  const ecdhSecret = b.ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, b.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // the last record ends with the delimiter 0x02 and zero padding
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("bad padding delimiter");
  return padded.subarray(0, end);
}
