import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export interface TableData {
  caption: string;
  columns: string[];
  rows: ReactNode[][];
}

/**
 * A chart with its title and a "Show as table" disclosure holding the same numbers, for screen readers and
 * for anyone who prefers figures to bars.
 */
export function ChartFigure({
  id,
  title,
  description,
  chart,
  table,
  empty,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: TableData;
  empty?: string;
}) {
  const t = useTranslations("analytics");
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h3 id={id} className="text-xl font-semibold">
        {title}
      </h3>
      {description && <p className="mt-1 text-base text-stone-700">{description}</p>}
      {empty ? (
        <p className="mt-4 rounded-lg border-2 border-dashed border-stone-300 px-4 py-6 text-center text-stone-700">{empty}</p>
      ) : (
        <>
          <div className="mt-4">{chart}</div>
          <details className="mt-2">
            <summary className="inline-flex min-h-12 cursor-pointer items-center font-semibold text-teal-800 underline underline-offset-4">
              {t("showTable")}
            </summary>
            <DataTable {...table} />
          </details>
        </>
      )}
    </section>
  );
}

export function DataTable({ caption, columns, rows }: TableData) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-base">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-stone-300">
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-semibold">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-stone-100">
              {r.map((v, j) =>
                j === 0 ? (
                  <th key={j} scope="row" className="px-3 py-2 font-medium">
                    {v}
                  </th>
                ) : (
                  <td key={j} className="px-3 py-2 tabular-nums">
                    {v}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
