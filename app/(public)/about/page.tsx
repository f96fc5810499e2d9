import type { Metadata } from "next";
import { InfoPage } from "@/components/public/info-page";
import { newsOffice } from "@/lib/public/site-info";
import { pageMetadata } from "@/lib/public/seo";

// Rendered per request from cached reads (the menu's topics), like every public page.
export const dynamic = "force-dynamic";

const title = "About the news office";
const intro = "Halden University News is written and edited by the university's Office of Communications.";

export function generateMetadata(): Metadata {
  return pageMetadata({ title, description: intro, path: "/about" });
}

export default function AboutPage() {
  return (
    <InfoPage title={title} intro={intro}>
      <p>
        We report on research, teaching, the arts, student life and the people of the university. Every story is written
        by a staff writer and checked by a second editor before it is published; the names of both appear at the end of
        each article.
      </p>
      <h2>Story ideas and corrections</h2>
      <p>
        Staff and students with news, and anyone who finds a mistake in an article, can write to{" "}
        <a href={`mailto:${newsOffice.email}`}>{newsOffice.email}</a>. We correct errors promptly and say so in the
        article.
      </p>
      <h2>Media enquiries</h2>
      <p>
        Journalists can reach the office at <a href={`tel:${newsOffice.phone.replace(/\s/g, "")}`}>{newsOffice.phone}</a>,
        or visit us at {newsOffice.street}, {newsOffice.city}.
      </p>
    </InfoPage>
  );
}
