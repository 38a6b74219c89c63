import type { ComponentProps } from "react";

export function Card({ className = "", ...props }: ComponentProps<"div">) {
  return <div className={`rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8 ${className}`} {...props} />;
}
