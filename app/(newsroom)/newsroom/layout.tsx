import type { Metadata } from "next";
import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: { default: "Newsroom", template: "%s — Newsroom" }, robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function NewsroomLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-screen bg-slate-100">
      <NewsroomHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
