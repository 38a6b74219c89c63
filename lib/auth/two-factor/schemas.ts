import { z } from "zod";

/** Turning two-factor sign-in off: the password and a current code (or a recovery code); neither is ever sent back. */
export const disableTwoFactorInput = z.strictObject({
  password: z.string().min(1, { message: "Enter your password." }),
  code: z.string().trim().min(1, { message: "Enter the 6-digit code from your app, or a recovery code." }).max(64),
});
export type DisableTwoFactorInput = z.infer<typeof disableTwoFactorInput>;
