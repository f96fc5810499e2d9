"use client";

import { Unavailable } from "@/components/newsroom/unavailable";

// A review link's page that failed on our side (components/newsroom/unavailable.tsx).
export default function ReviewLinkError() {
  return <Unavailable kicker="Preview unavailable" text="Part of the system, most likely the database, is not answering. Please open the review link again in a minute." />;
}
