import { PublicPage } from "./public-page";

/** A short page about the site itself (about, accessibility, privacy): a title and prose. */
export function InfoPage({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <PublicPage>
      <article className="mx-auto max-w-3xl">
        <h1 className="font-serif text-4xl font-bold text-brand-900">{title}</h1>
        <p className="mt-4 text-lg leading-relaxed text-slate-700">{intro}</p>
        <div className="prose prose-slate mt-8 max-w-none prose-headings:font-serif prose-headings:text-brand-900 prose-a:text-brand-700">
          {children}
        </div>
      </article>
    </PublicPage>
  );
}
