"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  name: string;
  color: string;
}

export interface TrendChartProps {
  data: Record<string, string | number | null>[];
  xKey: string;
  series: Series[];
  kind: "bar" | "line";
  /** appended to values on the axis and in the tooltip, e.g. "%" */
  unit?: string;
  yLabel: string;
  xLabel: string;
  yDomain?: [number, number];
  height?: number;
}

const AXIS = { fill: "#44403c", fontSize: 14 }; // stone-700 on white: readable, AA contrast

/**
 * A chart drawn from plain data handed over by a server component. It is a picture for sighted readers
 * (hidden from assistive technology, with nothing focusable in it); every chart on a page comes with the
 * same numbers as a table.
 */
export function TrendChart({ data, xKey, series, kind, unit = "", yLabel, xLabel, yDomain, height = 280 }: TrendChartProps) {
  const Chart = kind === "bar" ? BarChart : LineChart;
  const t = useTranslations("analytics");
  const locale = useLocale();
  // numbers as the caregiver's language writes them: "85.5%" / "85,5 %", "-1.5" / "-1,5"
  const value = (v: number) =>
    unit === "%"
      ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v / 100)
      : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v)}${unit}`;
  const fmt = (v: unknown) => (v === null || v === undefined ? t("noData") : typeof v === "number" ? value(v) : `${String(v)}${unit}`);
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <Chart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e7e5e4" vertical={false} />
          <XAxis
            dataKey={xKey}
            tick={AXIS}
            tickLine={false}
            axisLine={{ stroke: "#a8a29e" }}
            label={{ value: xLabel, position: "insideBottom", offset: -20, ...AXIS }}
          />
          <YAxis
            tick={AXIS}
            tickLine={false}
            axisLine={false}
            allowDecimals={unit === "%"}
            domain={yDomain ?? [0, "auto"]}
            tickFormatter={(v: number) => value(v)}
            label={{ value: yLabel, angle: -90, position: "insideLeft", ...AXIS, style: { textAnchor: "middle" } }}
            width={72}
          />
          <Tooltip formatter={(v) => fmt(v)} contentStyle={{ fontSize: 16 }} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 16, color: "#292524", paddingTop: 24 }} />}
          {series.map((s) =>
            kind === "bar" ? (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={3} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
            ),
          )}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
