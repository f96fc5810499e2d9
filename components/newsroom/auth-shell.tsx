import Link from "next/link";

/** The frame of the sign-in and set-password pages. */
export function AuthShell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-slate-100 px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center font-serif text-2xl font-bold text-brand-900">
          <Link href="/">Halden University News</Link>
        </p>
        <p className="mt-1 text-center text-sm text-slate-600">Newsroom</p>
        <div className="mt-8 rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold text-slate-900">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}
