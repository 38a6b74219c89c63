import "server-only";
import type { AuthError } from "next-auth";

export const INVALID = "Invalid email or password.";

/** What a refused dashboard sign-in tells the person: the credentials provider's reason, or a plain retry message. */
export function refusal(err: AuthError): string {
  if (err.type === "CredentialsSignin") {
    const code = (err as AuthError & { code?: string }).code;
    return code && code !== "credentials" ? code : INVALID;
  }
  return "We could not sign you in just now. Please try again in a moment.";
}
