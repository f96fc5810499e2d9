"use client";

import { useId } from "react";

interface Props {
  value: string;
  onChange: (value: string) => void;
  timeZone: string;
  /** In a dialog that approves: the field may stay empty (no expiry). */
  optional?: boolean;
}

/** The "Expires" date and time, in the newsroom's time zone. */
export function ExpiryField({ value, onChange, timeZone, optional = false }: Props) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Expires ({timeZone} time{optional ? ", optional" : ""})
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} required={!optional} aria-describedby={`${id}-hint`} className="rounded border border-slate-400 px-2 py-1.5 text-sm" />
        {optional && value && (
          <button type="button" onClick={() => onChange("")} className="text-sm font-medium text-brand-800 underline hover:no-underline">
            No expiry
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {optional ? "Leave empty to keep it on the site until someone unpublishes it." : "At this time the piece leaves every public page, as if unpublished."}
      </p>
    </div>
  );
}
