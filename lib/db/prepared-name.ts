import "server-only";
import { createHash } from "node:crypto";
import { config } from "@/lib/config";

const names = new Map<string, string>();

/**
 * The name a hand-made statement is prepared under (docs/decisions/009-hot-path-sql.md): on PostgreSQL each
 * statement text is parsed and planned once per connection, then only bound and run. The name is derived from
 * the text, so two texts never share one. The embedded database serves every connection from one session,
 * where a name prepared by a connection that has since dropped would still exist: there every statement is
 * parsed anew (undefined: unnamed).
 */
export function preparedName(prefix: string, text: string): string | undefined {
  if (config().embeddedDatabase) return undefined;
  let name = names.get(text);
  if (!name) {
    name = `${prefix}_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    // the texts are a handful of shapes per statement; a bound keeps a bug from growing the map without end
    if (names.size < 1_000) names.set(text, name);
  }
  return name;
}
