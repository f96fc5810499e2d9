"use client";

import { Unavailable } from "@/components/newsroom/unavailable";

// The page failed on our side (components/newsroom/unavailable.tsx).
export default function SignInError() {
  return <Unavailable kicker="Sign-in unavailable" text="Part of the system, most likely the database, is not answering, so no one can sign in just now. Please try again in a minute." />;
}
