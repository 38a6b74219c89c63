import { Notice } from "@/components/ui/notice";

/** The heading of a settings section, what it is for, and the confirmation of the last save (if any). */
export function SectionHeading({ title, intro, saved }: { title: string; intro: React.ReactNode; saved?: string }) {
  return (
    <>
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
        <p className="mt-1 max-w-prose text-stone-700">{intro}</p>
      </div>
      {saved && <Notice tone="success" role="status" title={saved} />}
    </>
  );
}
