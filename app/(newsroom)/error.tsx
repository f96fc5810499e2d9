"use client";

import { Unavailable } from "@/components/newsroom/unavailable";

// A newsroom page that failed on our side (components/newsroom/unavailable.tsx).
export default function NewsroomError() {
  return (
    <Unavailable
      kicker="Newsroom unavailable"
      text="Part of the system, most likely the database, is not answering. Nothing you saved is lost, and an editor that is still open keeps its unsaved text in that browser. Please try again in a minute."
    />
  );
}
