import type { ReactNode } from "react";

/** One headline figure with its comparison to the previous period ("up 5 points from the previous 30 days"). */
export function Headline({ label, value, detail, change }: { label: string; value: ReactNode; detail?: ReactNode; change?: ReactNode }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <dt className="text-base font-semibold text-stone-700">{label}</dt>
      <dd className="mt-1 text-3xl font-bold tracking-tight text-stone-900">{value}</dd>
      {detail && <dd className="mt-1 text-base text-stone-700">{detail}</dd>}
      {change && <dd className="mt-1 text-base text-stone-700">{change}</dd>}
    </div>
  );
}
