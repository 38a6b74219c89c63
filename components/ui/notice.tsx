import type { ReactNode } from "react";

type Tone = "success" | "info" | "error";

const tones: Record<Tone, string> = {
  success: "border-teal-700 bg-teal-50 text-teal-950",
  info: "border-sky-700 bg-sky-50 text-sky-950",
  error: "border-red-700 bg-red-50 text-red-950",
};

/** A short message in a tinted box. `role` decides whether assistive technology announces it. */
export function Notice({
  tone = "info",
  title,
  children,
  role,
  id,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  role?: "status" | "alert";
  id?: string;
}) {
  return (
    <div id={id} role={role} className={`rounded-lg border-l-4 px-5 py-4 ${tones[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? "mt-1" : ""}>{children}</div>}
    </div>
  );
}
