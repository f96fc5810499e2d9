"use client";

import { useEffect, useRef } from "react";

/**
 * Counts one view of an article: after the page has loaded (and once it is actually shown, not
 * while prerendered), one small POST to /api/views. The page itself stays fully cacheable; no
 * cookie is set and nothing about the reader is sent beyond what every request carries.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  const sent = useRef<number | null>(null);
  useEffect(() => {
    const send = () => {
      if (sent.current === articleId) return;
      sent.current = articleId;
      const body = JSON.stringify({ articleId });
      if (!navigator.sendBeacon?.("/api/views", body)) {
        void fetch("/api/views", { method: "POST", body, keepalive: true }).catch(() => undefined);
      }
    };
    const whenShown = () => {
      if ((document as Document & { prerendering?: boolean }).prerendering) {
        document.addEventListener("prerenderingchange", send, { once: true });
      } else send();
    };
    if (document.readyState === "complete") whenShown();
    else window.addEventListener("load", whenShown, { once: true });
    return () => {
      window.removeEventListener("load", whenShown);
      document.removeEventListener("prerenderingchange", send);
    };
  }, [articleId]);
  return null;
}
