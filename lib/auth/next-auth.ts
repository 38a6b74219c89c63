import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { loginInput } from "@/lib/caregivers/schemas";
import { authenticateCaregiver, authenticateWithChallenge, TwoFactorRequired } from "@/lib/caregivers/authenticate-caregiver";
import { signChallenge } from "./two-factor/challenge";
import { revokeSession, SESSION_DAYS } from "./sessions";
import { clientIpFrom } from "@/lib/observability/request-context";
import { logger } from "@/lib/observability/logger";

/** The password step passed and a code is needed: the code carries the signed challenge for the code step. */
export const TWO_FACTOR_REQUIRED = "two_factor_required:";

/** Sign-in refusals the page may show as they are (none says whether an email has an account). */
export class SignInRefused extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message;
  }
}

/**
 * next-auth (Auth.js v5) signs caregivers in to the dashboard with email and password. The JWT cookie
 * carries the caregiver id and a session row id; every request checks that row, so sign-out, "sign out
 * everywhere", a password change or a disabled account end access at the next request.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: config().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  // a refused sign-in is an expected answer, not an error worth a stack trace; the rest goes to our logger
  logger: {
    error(error: Error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      logger.error({ err: error }, "next-auth error");
    },
    warn(code: string) {
      logger.warn({ code }, "next-auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      // the password step (email, password, and the remembered-device cookie) or the code step (challenge, code)
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        device: {},
        challenge: {},
        code: {},
      },
      async authorize(raw, request) {
        const client = { ip: request ? clientIpFrom(request.headers) : null, userAgent: request?.headers.get("user-agent") };
        const text = (v: unknown) => (typeof v === "string" && v ? v : null);
        try {
          const challenge = text(raw?.challenge);
          if (challenge) {
            const { caregiver, session } = await authenticateWithChallenge(challenge, text(raw?.code) ?? "", client, clock.now());
            return { id: caregiver.id, email: caregiver.email, name: `${caregiver.firstName} ${caregiver.lastName}`, sid: session.id };
          }
          const parsed = loginInput.safeParse({ email: raw?.email, password: raw?.password });
          if (!parsed.success) throw new SignInRefused("Invalid email or password.");
          const { caregiver, session } = await authenticateCaregiver(parsed.data.email, parsed.data.password, "web", client, clock.now(), {
            rememberedDevice: text(raw?.device),
          });
          return { id: caregiver.id, email: caregiver.email, name: `${caregiver.firstName} ${caregiver.lastName}`, sid: session.id };
        } catch (err) {
          if (err instanceof TwoFactorRequired) throw new SignInRefused(TWO_FACTOR_REQUIRED + (await signChallenge(err.caregiverId, clock.now())));
          if (err instanceof AppError) throw new SignInRefused(err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub! }, sid: token.sid as string };
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sid) await revokeSession(db, String(token.sid), "signed_out", clock.now());
    },
  },
}));
