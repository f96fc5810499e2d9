import type { Metadata } from "next";
import { InfoPage } from "@/components/public/info-page";
import { newsOffice } from "@/lib/public/site-info";
import { pageMetadata } from "@/lib/public/seo";

// Rendered per request from cached reads (the menu's topics), like every public page.
export const dynamic = "force-dynamic";

const title = "Accessibility statement";
const intro = "We want everyone to be able to read the university's news: by keyboard, with a screen reader, zoomed in, on a phone or on slow connections.";

export function generateMetadata(): Metadata {
  return pageMetadata({ title, description: intro, path: "/accessibility" });
}

export default function AccessibilityPage() {
  return (
    <InfoPage title={title} intro={intro}>
      <h2>What we aim for</h2>
      <p>
        This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every photograph has a
        text alternative written by the person who placed it, captions are text, and pages keep their meaning without
        colour, scripts or web fonts.
      </p>
      <h2>How we test</h2>
      <ul>
        <li>
          Every kind of page (front page, news lists, topics, articles, search, error pages and this one) is checked
          automatically with axe against the WCAG 2.2 A and AA rules, at desktop width and at 390 pixels, before each
          release.
        </li>
        <li>
          We use the site by keyboard alone: a “Skip to main content” link comes first, every link and control can be
          reached with Tab and shows where the focus is, and the search works without a mouse.
        </li>
        <li>Pages are read with a screen reader: headings, landmarks and the menu (which says which page you are on).</li>
      </ul>
      <h2>Known limitations</h2>
      <p>
        Some older articles may have photo descriptions that are shorter than we would like. If you find one, tell us and
        we will improve it.
      </p>
      <h2>Report a problem</h2>
      <p>
        If something on this site is hard or impossible for you to use, please tell us what page it was and what went
        wrong. Write to <a href={`mailto:${newsOffice.email}?subject=Accessibility`}>{newsOffice.email}</a> or call{" "}
        <a href={`tel:${newsOffice.phone.replace(/\s/g, "")}`}>{newsOffice.phone}</a>. We answer within five working days
        and can send any article in another format.
      </p>
      <p>
        {newsOffice.name}, {newsOffice.street}, {newsOffice.city}.
      </p>
    </InfoPage>
  );
}
