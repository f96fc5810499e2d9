"use client";

import { useCallback, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

/** The phone width the preview is shown at (an ordinary large phone's CSS width). */
export const PHONE_WIDTH = 390;

/**
 * The preview at desktop width, or inside a 390 px wide frame where the public page's own
 * breakpoints apply as they would on a phone (a narrow box alone would keep the desktop layout:
 * media queries read the window, not the box). The frame is a blank same-origin document with
 * the page's stylesheets, into which the same server-rendered article is portalled.
 */
export function PreviewFrame({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<"desktop" | "phone">("desktop");
  const [mount, setMount] = useState<HTMLElement | null>(null);

  // Fills the frame's blank document once it is in the page; React then portals into it.
  const prepare = useCallback((frame: HTMLIFrameElement | null) => {
    const doc = frame?.contentDocument;
    if (!doc) {
      setMount(null);
      return;
    }
    doc.documentElement.lang = document.documentElement.lang;
    doc.documentElement.className = document.documentElement.className;
    const meta = doc.createElement("meta");
    meta.name = "viewport";
    meta.content = "width=device-width, initial-scale=1";
    // A link in the frame opens in the tab, as it would from the desktop preview.
    const base = doc.createElement("base");
    base.target = "_top";
    doc.head.replaceChildren(meta, base, ...[...document.querySelectorAll('link[rel="stylesheet"], style')].map((n) => n.cloneNode(true)));
    doc.title = "Phone preview";
    doc.body.className = "bg-paper px-4 py-6";
    const root = doc.createElement("div");
    doc.body.replaceChildren(root);
    setMount(root);
  }, []);

  return (
    <div>
      <div role="group" aria-label="Preview width" className="mb-4 inline-flex rounded-md border border-slate-400 bg-white p-0.5 text-sm font-semibold">
        {(["desktop", "phone"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className={`rounded px-3 py-1.5 ${mode === m ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-100"}`}
          >
            {m === "desktop" ? "Desktop" : `Phone (${PHONE_WIDTH} px)`}
          </button>
        ))}
      </div>
      {mode === "desktop" ? (
        <div className="rounded-lg bg-paper px-4 py-10 shadow-sm">{children}</div>
      ) : (
        <div className="flex justify-center">
          <iframe
            ref={prepare}
            title={`Preview at phone width (${PHONE_WIDTH} px)`}
            width={PHONE_WIDTH}
            height={780}
            className="rounded-[1.5rem] border-8 border-slate-800 bg-paper shadow-lg"
            style={{ width: PHONE_WIDTH + 16, boxSizing: "border-box" }}
          />
          {mount && createPortal(children, mount)}
        </div>
      )}
    </div>
  );
}
