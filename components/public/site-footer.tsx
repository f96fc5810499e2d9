import { env } from "@/lib/env";
import { newsOffice } from "@/lib/public/site-info";

const linkClass = "underline-offset-4 hover:text-white hover:underline";

/** The footer: who publishes the site and how to reach them, ways to read and follow, policies, staff sign-in. */
export function SiteFooter() {
  const { MASTHEAD_SITE_NAME: name } = env();
  return (
    <footer className="mt-20 bg-brand-900 text-brand-100">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <p className="font-serif text-xl font-semibold text-white">{name}</p>
          <p className="mt-2 leading-relaxed">Published by the {newsOffice.name}, Halden University.</p>
        </div>
        <div>
          <h2 className="font-semibold text-white">Contact the news office</h2>
          <address className="mt-2 space-y-1 leading-relaxed not-italic">
            <p>
              {newsOffice.name}
              <br />
              {newsOffice.street}, {newsOffice.city}
            </p>
            <p>
              <a href={`mailto:${newsOffice.email}`} className={`underline ${linkClass}`}>
                {newsOffice.email}
              </a>
            </p>
            <p>
              <a href={`tel:${newsOffice.phone.replace(/\s/g, "")}`} className={linkClass}>
                {newsOffice.phone}
              </a>
            </p>
          </address>
        </div>
        <div>
          <h2 className="font-semibold text-white">Read and follow</h2>
          <ul className="mt-2 space-y-1">
            <li>
              <a href="/news" className={linkClass}>
                All news
              </a>
            </li>
            <li>
              <a href="/search" className={linkClass}>
                Search
              </a>
            </li>
            <li>
              <a href="/feed.xml" className={linkClass}>
                RSS feed
              </a>
            </li>
          </ul>
        </div>
        <div>
          <h2 className="font-semibold text-white">About this site</h2>
          <ul className="mt-2 space-y-1">
            <li>
              <a href="/about" className={linkClass}>
                About the news office
              </a>
            </li>
            <li>
              <a href="/accessibility" className={linkClass}>
                Accessibility
              </a>
            </li>
            <li>
              <a href="/privacy" className={linkClass}>
                Privacy
              </a>
            </li>
            <li>
              <a href="/newsroom" className={linkClass}>
                Newsroom sign-in
              </a>
            </li>
          </ul>
        </div>
      </div>
      <div className="border-t border-brand-800">
        <p className="mx-auto max-w-6xl px-4 py-4 text-xs">
          © {new Date().getFullYear()} Halden University. Photographs in the news are the university&apos;s unless credited otherwise.
        </p>
      </div>
    </footer>
  );
}
