"use client";

import { Unavailable } from "@/components/newsroom/unavailable";

// The page failed on our side (components/newsroom/unavailable.tsx).
export default function SetPasswordError() {
  return <Unavailable kicker="Temporarily unavailable" text="Part of the system, most likely the database, is not answering, so a password cannot be set just now. Please open your link again in a minute." />;
}
