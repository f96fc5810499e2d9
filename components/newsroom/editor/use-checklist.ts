"use client";

import type { Editor } from "@tiptap/react";
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { findLiveSlugsAction } from "@/lib/actions/checklist";
import { linkedArticleSlugs, runChecklist, type CheckItem } from "@/lib/articles/checklist";

/** The parts of the piece the checklist reads besides the body. */
export interface CheckedFields {
  title: string;
  standfirst: string;
  topicIds: number[];
  leadMediaId: number | null;
  leadAlt: string;
}

/** How long typing must pause before the checks run again. */
const PAUSE_MS = 300;

/**
 * The checklist of the piece as it is in the editor, recomputed when typing pauses (never on a
 * key press: reading the body as JSON is a walk of the whole document). Which linked articles
 * are live is asked of the server once per slug; until the answer comes a link is not flagged.
 */
export function useChecklist(editor: Editor | null, fields: CheckedFields, siteUrl: string, topicSlugs: ReadonlySet<string>): CheckItem[] | null {
  const [items, setItems] = useState<CheckItem[] | null>(null);
  const [liveSlugs, setLiveSlugs] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const asked = useRef(new Set<string>());
  const latest = useRef({ fields, liveSlugs });
  useEffect(() => {
    latest.current = { fields, liveSlugs };
  }, [fields, liveSlugs]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const lookUp = useCallback(async (slugs: string[]) => {
    for (const s of slugs) asked.current.add(s);
    const form = new FormData();
    for (const s of slugs) form.append("slugs", s);
    const result = await findLiveSlugsAction(null, form).catch(() => null);
    if (!result?.ok) {
      // Ask again on the next pause: an unknown slug is never reported as unpublished.
      for (const s of slugs) asked.current.delete(s);
      return;
    }
    const live = new Set((result.data as { live: string[] } | undefined)?.live ?? []);
    setLiveSlugs((prev) => new Map([...prev, ...slugs.map((s) => [s, live.has(s)] as const)]));
  }, []);

  const run = useCallback(() => {
    if (!editor || editor.isDestroyed) return;
    const body = editor.getJSON();
    const { fields: now, liveSlugs: known } = latest.current;
    const unknown = linkedArticleSlugs(body, siteUrl).filter((s) => !known.has(s) && !asked.current.has(s));
    if (unknown.length) void lookUp(unknown.slice(0, 100));
    const next = runChecklist({ ...now, body, siteUrl, liveSlugs: known, topicSlugs });
    startTransition(() => setItems(next));
  }, [editor, siteUrl, topicSlugs, lookUp]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    // After the pause, when the browser is idle (at most a second later), not in a frame it needs.
    timer.current = setTimeout(() => (typeof requestIdleCallback === "function" ? requestIdleCallback(run, { timeout: 1000 }) : run()), PAUSE_MS);
  }, [run]);

  useEffect(() => {
    if (!editor) return;
    editor.on("update", schedule);
    return () => {
      editor.off("update", schedule);
    };
  }, [editor, schedule]);

  // The other fields, and answers about linked articles, also change the checks.
  const { title, standfirst, topicIds, leadMediaId, leadAlt } = fields;
  useEffect(schedule, [schedule, title, standfirst, topicIds, leadMediaId, leadAlt, liveSlugs]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return items;
}
