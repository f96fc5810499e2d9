"use client";

import { useActionState } from "react";
import { markNotificationsReadAction } from "@/lib/actions/workflow";

/** Marks every notification read. */
export function MarkReadButton() {
  const [, action, pending] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-sm font-medium text-brand-700 underline">
        Mark all read
      </button>
    </form>
  );
}
