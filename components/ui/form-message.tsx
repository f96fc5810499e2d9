import type { ActionResult } from "@/lib/actions/define";

/** The outcome of a form: a polite status on success, an alert on failure. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {state.message}
      </p>
    );
  }
  return (
    <p role="alert" className="rounded-md border border-accent-600/40 bg-red-50 px-3 py-2 text-sm text-accent-700">
      {state.message}
    </p>
  );
}
