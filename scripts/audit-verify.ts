/**
 * npm run audit:verify -- --org <organization id>   verify an organization's audit chain in the database
 * npm run audit:verify -- --system                  the chain of audit rows without an organization
 * npm run audit:verify -- --file <export.json|csv>  verify an exported file offline (no database needed)
 *
 * Prints the report as JSON; exits 0 when the chain holds, 1 at a broken link, 2 on a usage error.
 * Decision 023 and lib/audit/audit-chain.ts describe the chain and how to recompute it by hand.
 */
import { readFileSync } from "node:fs";
import { SYSTEM_CHAIN } from "@/lib/audit/audit-chain";
import { rowsFromExport, verifyExportedRows } from "@/lib/audit/read-audit-export";
import { isUuid } from "@/lib/is-uuid";

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};

function usage(message: string): never {
  console.error(`${message}\nusage: npm run audit:verify -- --org <organization id> | --system | --file <export.json|export.csv>`);
  process.exit(2);
}

async function main() {
  const file = value("--file");
  if (file) {
    const format = file.toLowerCase().endsWith(".csv") ? "csv" : "json";
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      usage(`Cannot read ${file}.`);
    }
    const report = verifyExportedRows(rowsFromExport(text, format));
    console.log(JSON.stringify(report, null, 2));
    process.exit(report.ok ? 0 : 1);
  }
  const org = value("--org");
  const chain = args.includes("--system") ? SYSTEM_CHAIN : org;
  if (!chain) usage("Name the chain to verify.");
  if (!isUuid(chain)) usage(`${chain} is not an organization id.`);
  const { verifyAuditChain } = await import("@/lib/audit/verify-audit-chain");
  const report = await verifyAuditChain(chain.toLowerCase(), new Date());
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`audit:verify failed: ${(err as Error).message}`);
  process.exit(1);
});
