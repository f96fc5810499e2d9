"use client";

import { useEffect, useState } from "react";

/** The event the editor sends when the title field changes. */
export const TITLE_EVENT = "masthead:article-title";

/** Tells the page heading (and the browser tab) the title being typed. */
export function announceTitle(title: string): void {
  window.dispatchEvent(new CustomEvent<string>(TITLE_EVENT, { detail: title }));
}

/** The editor page's heading: the article's title as it is being typed, not as it was loaded. */
export function LiveHeading({ initial, className }: { initial: string; className?: string }) {
  const [title, setTitle] = useState(initial);
  useEffect(() => {
    const onTitle = (event: Event) => setTitle((event as CustomEvent<string>).detail);
    window.addEventListener(TITLE_EVENT, onTitle);
    return () => window.removeEventListener(TITLE_EVENT, onTitle);
  }, []);
  const shown = title.trim() || "Untitled draft";
  useEffect(() => {
    document.title = document.title.replace(/^.*?(?= — |$)/, shown);
  }, [shown]);
  return <h1 className={className}>{shown}</h1>;
}
