"use client";

import { useId, useState } from "react";
import { createReviewLinkAction, revokeReviewLinkAction } from "@/lib/actions/review-links";
import type { ReviewLinkView } from "@/lib/review-links/manage";
import { formatDateTime } from "@/lib/time";
import { ConfirmDialog } from "./confirm-dialog";

const DAYS = [1, 3, 7, 14] as const;

interface Props {
  articleId: number;
  initial: ReviewLinkView[];
  timeZone: string;
}

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, String(v));
  return data;
}

/**
 * "Outside review": links for someone without an account (a source checking quotes) to read
 * the draft and comment. The URL is shown once, right after it is made; the list shows every
 * link with its state, and "Revoke" (after a confirmation) stops one at once.
 */
export function ReviewLinksPanel({ articleId, initial, timeZone }: Props) {
  const [links, setLinks] = useState(initial);
  const [label, setLabel] = useState("");
  const [days, setDays] = useState(7);
  const [mode, setMode] = useState<"version" | "latest">("version");
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<ReviewLinkView | null>(null);
  const id = useId();
  const when = (iso: string) => formatDateTime(new Date(iso), timeZone);

  const make = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    const result = await createReviewLinkAction(null, form({ articleId, days, mode, label }));
    setBusy(false);
    if (!result.ok || !result.data) return setError(result.message);
    setMade(result.data.url);
    setLinks(result.data.links);
    setLabel("");
  };

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    const result = await revokeReviewLinkAction(null, form({ articleId, linkId: revoking.id }));
    setBusy(false);
    setRevoking(null);
    if (!result.ok || !result.data) return setError(result.message);
    setLinks(result.data.links);
  };

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made);
      setCopied(true);
    } catch {
      setError("The browser did not allow copying: select the link and copy it by hand.");
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id={`${id}-h`} className="text-sm font-semibold text-slate-800">
        Outside review
      </h2>
      <p className="mt-1 text-xs text-slate-600">A private link for someone without an account, such as a source checking quotes: they can read the draft and send comments, nothing else.</p>
      <div className="mt-3 space-y-3">
        <div>
          <label htmlFor={`${id}-label`} className="block text-sm font-medium">
            Who it is for (optional)
          </label>
          <input id={`${id}-label`} value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} placeholder="Prof. Ada Smith, quotes" className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
        </div>
        <div className="flex flex-wrap gap-4">
          <div>
            <label htmlFor={`${id}-days`} className="block text-sm font-medium">
              Expires after
            </label>
            <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm">
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {d === 1 ? "1 day" : `${d} days`}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="text-sm font-medium">Shows</legend>
            <div className="mt-1 space-y-1 text-sm">
              <label className="flex min-h-6 items-center gap-2">
                <input className="size-4" type="radio" name={`${id}-mode`} checked={mode === "version"} onChange={() => setMode("version")} />
                This version
              </label>
              <label className="flex min-h-6 items-center gap-2">
                <input className="size-4" type="radio" name={`${id}-mode`} checked={mode === "latest"} onChange={() => setMode("latest")} />
                Latest working copy
              </label>
            </div>
          </fieldset>
        </div>
        <p className="text-xs text-slate-600">{mode === "version" ? "“This version” is the text as last saved; later edits do not reach the link." : "The link follows every saved edit."}</p>
        <button type="button" disabled={busy} onClick={() => void make()} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:bg-slate-400">
          Make review link
        </button>
        {made && (
          <div role="status" className="space-y-1.5 rounded border border-emerald-300 bg-emerald-50 p-2">
            <label htmlFor={`${id}-url`} className="block text-xs font-semibold text-emerald-950">
              New review link (shown only now: copy it)
            </label>
            <div className="flex gap-2">
              <input id={`${id}-url`} readOnly value={made} onFocus={(e) => e.target.select()} className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1 font-mono text-xs" />
              <button type="button" onClick={() => void copy()} className="rounded border border-slate-400 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-100">
                {copied ? "Copied" : "Copy link"}
              </button>
            </div>
          </div>
        )}
        {error && (
          <p role="alert" className="text-sm text-accent-700">
            {error}
          </p>
        )}
      </div>
      {links.length > 0 && (
        <ul aria-label="Review links" className="mt-4 space-y-2 border-t border-slate-200 pt-3">
          {links.map((l) => (
            <li key={l.id} aria-label={`Review link ${l.label || "without a name"}`} className={`rounded border p-2 text-sm ${l.state === "active" ? "border-slate-300" : "border-slate-200 bg-slate-50 text-slate-600"}`}>
              <p className="font-semibold text-slate-900">{l.label || "Link without a name"}</p>
              <p className="text-xs">
                {l.mode === "version" ? `This version (v${l.version ?? "?"})` : "Latest working copy"} · made by {l.createdBy} · {l.comments === 1 ? "1 comment" : `${l.comments} comments`}
              </p>
              <p className={`text-xs ${l.state === "active" ? "text-emerald-800" : "font-semibold"}`}>
                {l.state === "revoked" && l.revokedAt ? `Revoked ${when(l.revokedAt)}${l.revokedBy ? ` by ${l.revokedBy}` : ""}` : l.state === "expired" ? `Expired ${when(l.expiresAt)}` : `Active · expires ${when(l.expiresAt)}`}
              </p>
              {l.state === "active" && (
                <button type="button" disabled={busy} onClick={() => setRevoking(l)} aria-label={`Revoke ${l.label || "the link without a name"}`} className="mt-1 rounded border border-red-700 bg-white px-2 py-0.5 text-xs font-semibold text-red-800 hover:bg-red-50">
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog open={revoking !== null} title="Revoke this review link?" confirmLabel="Revoke link" tone="danger" pending={busy} onConfirm={() => void revoke()} onCancel={() => setRevoking(null)}>
        <p>
          The link{revoking?.label ? ` for ${revoking.label}` : ""} stops working at once: whoever opens it sees “This link is not valid”. Comments already sent stay with the article.
        </p>
      </ConfirmDialog>
    </section>
  );
}
