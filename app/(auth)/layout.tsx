import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-6 pt-8 sm:pt-12">
        <div className="mx-auto max-w-lg">
          <Link href="/" className="inline-flex items-center gap-3 text-2xl font-bold tracking-tight text-teal-900">
            <ElMark />
            Elda
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-6 py-8 outline-none sm:py-10">
        <div className="mx-auto max-w-lg">{children}</div>
      </main>
      <footer className="px-6 pb-8 text-center text-base text-stone-600">Elda helps you look after the people you care for who live on their own.</footer>
    </div>
  );
}

function ElMark() {
  return (
    <span aria-hidden="true" className="grid size-10 place-items-center rounded-xl bg-teal-700 text-xl font-bold text-white">
      E
    </span>
  );
}
