import { SiteHeader } from "./site-header";

interface PublicPageProps {
  /**
   * Path of the menu entry this page is ("/news", "/topics/research"): marked as the current
   * page in the menu. An article is not its topic's page, so it names none.
   */
  current?: string;
  children: React.ReactNode;
}

/*
 * The header and main landmark of every public page. Pages render it (the layout adds only the
 * footer) because a layout cannot know the path, and the menu marks the current page on the
 * server, with no script for a path hook.
 */
export function PublicPage({ current, children }: PublicPageProps) {
  return (
    <>
      <SiteHeader current={current} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-10 focus:outline-none">
        {children}
      </main>
    </>
  );
}
