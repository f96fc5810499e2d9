"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { markNotificationsReadAction } from "@/lib/actions/workflow";

/** Marks every notification read, and shows the dashboard as it now is. */
export function MarkReadButton() {
  const [state, action, pending] = useActionState(markNotificationsReadAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-sm font-medium text-brand-700 underline">
        Mark all read
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm text-accent-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
