"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setExpiryAction } from "@/lib/actions/expiry";
import type { ExpiryInfo } from "@/lib/articles/expiry-view";
import { ConfirmDialog } from "./confirm-dialog";
import { ExpiryField } from "./expiry-field";
import { setNotice } from "./notice-store";
import { expiryConfirmation, localText, type PieceFacts } from "./workflow-copy";

interface Props {
  articleId: number;
  expiry: ExpiryInfo;
  piece: PieceFacts;
}

/**
 * "Set expiry" / "Change expiry" and "Remove expiry" on a live or scheduled piece, each through
 * a confirmation that says what will happen. Offered only to those the server lets change it.
 */
export function ExpiryControls({ articleId, expiry, piece }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [when, setWhen] = useState(expiry.expiresAtLocal ?? "");
  const [confirming, setConfirming] = useState<"set" | "remove" | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!expiry.mayChange) return null;

  async function save(kind: "set" | "remove") {
    setPending(true);
    setError(null);
    const form = new FormData();
    form.set("articleId", String(articleId));
    form.set("expiresAt", kind === "set" ? when : "");
    try {
      const result = await setExpiryAction(null, form);
      if (result.ok) {
        setNotice({ articleId, message: result.message });
        setConfirming(null);
        setEditing(false);
        setPending(false);
        router.refresh();
        return;
      }
      setError(result.fieldErrors?.expiresAt?.[0] ?? result.message);
    } catch {
      setError("The server could not be reached. Nothing was changed; try again.");
    }
    setConfirming(null);
    setPending(false);
  }

  const button = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60";
  const confirmation = expiryConfirmation(confirming ?? "set", piece, confirming === "remove" ? (expiry.expiresAtText ?? "") : localText(when, piece.timeZone));
  return (
    <section aria-label="Expiry" className="rounded-md border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-2 text-sm font-semibold text-slate-800">Expiry</h2>
        <p className="mr-auto text-sm text-slate-700">{expiry.expiresAtText ? `Leaves the site on ${expiry.expiresAtText}.` : "None: it stays until someone unpublishes it."}</p>
        <button type="button" disabled={pending} aria-expanded={editing} onClick={() => setEditing(!editing)} className={button}>
          {expiry.expiresAtText ? "Change expiry" : "Set expiry"}
        </button>
        {expiry.expiresAtText && (
          <button type="button" disabled={pending} onClick={() => setConfirming("remove")} className={button}>
            Remove expiry
          </button>
        )}
      </div>
      {editing && (
        <form className="mt-3 flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); setConfirming("set"); }}>
          <ExpiryField value={when} onChange={setWhen} timeZone={piece.timeZone} />
          <button type="submit" disabled={pending || !when} className="mb-5 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400">
            Save expiry
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-accent-700">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={confirmation.title}
        confirmLabel={confirmation.confirm}
        cancelLabel={confirmation.cancel}
        tone={confirming === "remove" ? "primary" : "danger"}
        pending={pending}
        onConfirm={() => confirming && void save(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirmation.body.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </ConfirmDialog>
    </section>
  );
}
