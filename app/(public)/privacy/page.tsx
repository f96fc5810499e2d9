import type { Metadata } from "next";
import { InfoPage } from "@/components/public/info-page";
import { newsOffice } from "@/lib/public/site-info";
import { pageMetadata } from "@/lib/public/seo";

// Rendered per request from cached reads (the menu's topics), like every public page.
export const dynamic = "force-dynamic";

const title = "Privacy";
const intro = "Reading the news on this site sets no cookies and needs no account.";

export function generateMetadata(): Metadata {
  return pageMetadata({ title, description: intro, path: "/privacy" });
}

export default function PrivacyPage() {
  return (
    <InfoPage title={title} intro={intro}>
      <ul>
        <li>
          We count how often each article is read: the page sends one small request when it is shown, with nothing about
          you but what every request to a web server carries. Counts are kept per article, not per reader.
        </li>
        <li>Our servers keep ordinary access logs for security for a limited time and share them with no one.</li>
        <li>There are no advertising or third-party tracking scripts, and no fonts or images from other sites.</li>
        <li>Staff of the news office sign in to the newsroom; only their sign-in sets a cookie.</li>
      </ul>
      <p>
        Questions about your data: <a href={`mailto:${newsOffice.email}?subject=Privacy`}>{newsOffice.email}</a>.
      </p>
    </InfoPage>
  );
}
