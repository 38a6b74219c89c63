import Link from "next/link";
import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "quiet" | "danger" | "danger-quiet";

const base =
  "inline-flex min-h-12 items-center justify-center gap-2 rounded-lg px-5 py-2.5 text-lg font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-70";
const variants: Record<Variant, string> = {
  primary: "bg-teal-700 text-white shadow-sm hover:bg-teal-800 active:bg-teal-900",
  secondary: "border-2 border-teal-700 bg-white text-teal-800 hover:bg-teal-50",
  quiet: "text-teal-800 underline underline-offset-4 hover:bg-teal-50 hover:no-underline",
  /** destructive, on its confirmation step */
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800 active:bg-red-900",
  /** the link that starts a destructive step */
  "danger-quiet": "border-2 border-red-700 bg-white text-red-800 hover:bg-red-50",
};

export function buttonClasses(variant: Variant = "primary", extra = "") {
  return `${base} ${variants[variant]} ${extra}`.trim();
}

export function Button({ variant = "primary", className = "", type = "button", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}

export function ButtonLink({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClasses(variant, className)} {...props} />;
}
