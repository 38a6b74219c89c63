import "server-only";
import { config } from "@/lib/config";
import { TtlCache } from "@/lib/cache/ttl-cache";

interface Verified {
  claims: unknown;
  expiresAtMs: number;
}

const verified = new TtlCache<Verified>(60_000);

/**
 * What a signed token says, verified once and then kept for a minute (docs/decisions/034-hot-paths.md):
 * verifying is much of a signed-in request's work (an access token's signature 0.16 ms; the dashboard cookie's
 * decryption 1.05 ms, and a page reads it twice), while the same token always says the same. Its expiry is
 * checked on every use against `nowMs`, the session behind it is read from the database on every request (a
 * revoked session or a disabled caregiver is refused at once), a token that fails verification is not kept, and
 * the key includes the secret, so a token verified under another secret is verified afresh.
 */
export async function verifiedOnce<C>(
  kind: string,
  token: string,
  nowMs: number,
  verify: () => Promise<{ claims: C; expiresAtMs: number } | null>,
): Promise<C | null> {
  try {
    const hit = await verified.get(`${kind}\u0000${config().authSecret}\u0000${token}`, async () => {
      const v = await verify();
      if (!v) throw new Error("not verified");
      return v;
    });
    return hit.expiresAtMs > nowMs ? (hit.claims as C) : null;
  } catch {
    return null;
  }
}
