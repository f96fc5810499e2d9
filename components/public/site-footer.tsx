import { env } from "@/lib/env";

/** The footer: who publishes the site and where staff sign in. */
export function SiteFooter() {
  const { MASTHEAD_SITE_NAME: name } = env();
  return (
    <footer className="mt-20 bg-brand-900 text-brand-100">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm md:grid-cols-3">
        <div>
          <p className="font-serif text-xl font-semibold text-white">{name}</p>
          <p className="mt-2 leading-relaxed">
            Published by the Office of Communications, Halden University, 14 Riverside Quay, Halden.
          </p>
        </div>
        <div>
          <p className="font-semibold text-white">Read</p>
          <ul className="mt-2 space-y-1">
            <li>
              <a href="/news" className="hover:underline">
                All news
              </a>
            </li>
            <li>
              <a href="/" className="hover:underline">
                Front page
              </a>
            </li>
          </ul>
        </div>
        <div>
          <p className="font-semibold text-white">Staff</p>
          <ul className="mt-2 space-y-1">
            <li>
              <a href="/newsroom" className="hover:underline">
                Newsroom sign-in
              </a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
