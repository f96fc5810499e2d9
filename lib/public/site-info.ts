/** The news office's contact details, shown in the footer, on the 404 page and the accessibility statement. */
export const newsOffice = {
  name: "Office of Communications",
  street: "14 Riverside Quay",
  city: "Halden",
  email: "news@halden.example.edu",
  phone: "+1 555 0142 3100",
} as const;

/** The pages about the site itself (app/(public)/about, accessibility, privacy): cached, in the sitemap. */
export const INFO_PAGES = new Set(["/about", "/accessibility", "/privacy"]);
