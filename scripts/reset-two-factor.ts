/**
 * npm run auth:reset-two-factor -- --email <caregiver email> --reason "<ticket or why>"
 *
 * The operator's way back in for a caregiver nobody in the product can help, such as the sole owner of an
 * organization who lost the phone and the recovery codes: forgets their second factor (secret, recovery
 * codes, remembered devices), audited as the operator with the reason given. Confirm who is asking through
 * a channel you trust before running it. Exits 0 when done, 1 when no caregiver has that email, 2 on a usage error.
 */
const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};

function usage(message: string): never {
  console.error(`${message}\nusage: npm run auth:reset-two-factor -- --email <caregiver email> --reason "<ticket or why>"`);
  process.exit(2);
}

async function main() {
  const email = value("--email");
  const reason = value("--reason");
  if (!email || !email.includes("@")) usage("Name the caregiver by email.");
  if (!reason?.trim()) usage("Say why (a ticket number, who asked): it goes into the audit trail.");
  const { operatorResetTwoFactor } = await import("@/lib/auth/two-factor/reset");
  try {
    const r = await operatorResetTwoFactor(email, reason.trim());
    console.log(JSON.stringify({ caregiver_id: r.caregiverId, two_factor_was_enabled: r.wasEnabled, reset: true }));
    process.exit(0);
  } catch (err) {
    console.error(`auth:reset-two-factor: ${(err as Error).message}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(`auth:reset-two-factor failed: ${(err as Error).message}`);
  process.exit(1);
});
