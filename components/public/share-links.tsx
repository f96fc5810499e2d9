"use client";

import { useState } from "react";

/**
 * Share without third-party scripts: copy the link, send it by e-mail, or print. The status
 * message is announced to screen readers through a polite live region.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
    } catch {
      setStatus(`Copy this link: ${url}`);
    }
  };
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${url}`)}`;
  const buttonClass =
    "inline-flex min-h-11 items-center rounded border border-brand-600 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50";
  return (
    <section aria-label="Share this article" className="no-print mt-8 flex flex-wrap items-center gap-3">
      <h2 className="mr-1 text-sm font-semibold text-brand-900">Share</h2>
      <button type="button" onClick={copy} className={buttonClass}>
        Copy link
      </button>
      <a href={mailto} className={buttonClass}>
        Share by e-mail
      </a>
      <button type="button" onClick={() => window.print()} className={buttonClass}>
        Print
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {status}
      </p>
    </section>
  );
}
