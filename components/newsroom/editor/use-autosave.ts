"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { saveArticleAction } from "@/lib/actions/articles";
import { BODY_LIMITS } from "@/lib/content/validate";
import { TOO_LARGE_MESSAGE } from "@/scripts/limits.mjs";

/** The lead photo's words for this article; null takes the library's description. */
export interface LeadWords {
  leadAlt: string | null;
  leadCaption: string | null;
  leadCredit: string | null;
}

/** What one save sends. */
export interface Snapshot extends LeadWords {
  title: string;
  standfirst: string;
  body: unknown;
  topicIds: number[];
  leadMediaId: number | null;
}

export interface ServerCopy extends Snapshot {
  version: number;
  savedBy: string | null;
  savedAt: string;
}

export type SaveStatus = "saved" | "unsaved" | "saving" | "offline" | "error" | "conflict";

interface Backup {
  baseVersion: number;
  snapshot: Snapshot;
  at: number;
}

const DEBOUNCE_MS = 1200;
const backupKey = (articleId: number) => `masthead:article:${articleId}`;

/** The unsaved copy kept in this browser, if any. */
export function readBackup(articleId: number): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(articleId));
    if (!raw) return null;
    const backup = JSON.parse(raw) as Backup;
    // A copy kept before the lead had words of its own: the library's, as it showed then.
    const { leadAlt = null, leadCaption = null, leadCredit = null } = backup.snapshot;
    return { ...backup, snapshot: { ...backup.snapshot, leadAlt, leadCaption, leadCredit } };
  } catch {
    return null;
  }
}

/**
 * Autosave that never loses a word: every change is kept in localStorage first, saved a moment
 * after typing stops (and when the page is hidden), retried with backoff while the server is
 * unreachable, and each save carries the version it was based on so the server can refuse a
 * stale one. The backup is cleared only once the server has the exact text.
 */
export function useAutosave(options: { articleId: number; version: number; enabled: boolean; read: () => Snapshot; onConflict: (server: ServerCopy, mine: Snapshot) => void }) {
  const { articleId, enabled } = options;
  const [status, setStatusState] = useState<SaveStatus>("saved");
  // A mirror of the status, so a key press that changes nothing schedules no React render.
  const statusRef = useRef<SaveStatus>("saved");
  const setStatus = useCallback((next: SaveStatus) => {
    if (statusRef.current === next) return;
    statusRef.current = next;
    setStatusState(next);
  }, []);
  const [message, setMessage] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const version = useRef(options.version);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(2000);
  const conflicted = useRef(false);
  // The last save was refused for its content: no retry until the person changes something.
  const refused = useRef(false);
  const noFold = useRef(false);
  // The newest save function, for timers and listeners set up by earlier renders.
  const saveRef = useRef<() => Promise<void>>(async () => {});
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const writeBackup = useCallback(
    (snapshot: Snapshot) => {
      try {
        window.localStorage.setItem(backupKey(articleId), JSON.stringify({ baseVersion: version.current, snapshot, at: Date.now() } satisfies Backup));
      } catch {
        // Storage full or disabled: the save itself still runs.
      }
    },
    [articleId],
  );

  const save = useCallback(async (): Promise<void> => {
    if (!enabled || inFlight.current || conflicted.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const snapshot = latest.current.read();
    writeBackup(snapshot);
    dirty.current = false;
    inFlight.current = true;
    setStatus("saving");
    // A body over the validator's limit would be refused anyway: say so now, without a trip.
    // The body is serialised once: for the size check and, spliced in, for the request.
    const bodyJson = JSON.stringify(snapshot.body) ?? "null";
    const bodySize = bodyJson.length;
    if (bodySize > BODY_LIMITS.maxBytes) {
      dirty.current = true;
      refused.current = true;
      inFlight.current = false;
      setStatus("error");
      setMessage(
        `The article is too large to save: its body is ${(bodySize / 1_000_000).toFixed(1)} MB and the limit is ${BODY_LIMITS.maxBytes / 1_000_000} MB. Shorten it or split it into two articles; your text is kept in this browser.`,
      );
      return;
    }
    const form = new FormData();
    const { body: _body, ...fields } = snapshot;
    form.set("payload", `{"body":${bodyJson},${JSON.stringify({ articleId, baseVersion: version.current, ...fields, noFold: noFold.current }).slice(1)}`);
    try {
      const result = await saveArticleAction(null, form);
      if (result.ok) {
        noFold.current = false;
        version.current = (result.data as { version: number }).version;
        setSavedAt((result.data as { savedAt: string }).savedAt);
        retryDelay.current = 2000;
        setMessage(null);
        if (dirty.current) {
          setStatus("unsaved");
        } else {
          window.localStorage.removeItem(backupKey(articleId));
          setStatus("saved");
        }
      } else if (result.code === "conflict") {
        dirty.current = true;
        conflicted.current = true;
        setStatus("conflict");
        setMessage(result.message);
        latest.current.onConflict(result.details as ServerCopy, snapshot);
      } else if (result.retryable) {
        // Busy database or a disk that cannot take writes: back off and try again by itself.
        dirty.current = true;
        setStatus("offline");
        setMessage(result.message);
        timer.current = setTimeout(() => void saveRef.current(), retryDelay.current);
        retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
      } else {
        // Refused for what it holds: the same text would be refused again, so wait for an edit.
        dirty.current = true;
        refused.current = true;
        setStatus("error");
        setMessage(result.message);
      }
    } catch (error) {
      if (error instanceof Error && error.message === TOO_LARGE_MESSAGE) {
        // Refused for its size (HTTP 413): retrying the same text cannot succeed.
        dirty.current = true;
        refused.current = true;
        setStatus("error");
        setMessage(TOO_LARGE_MESSAGE);
        inFlight.current = false;
        return;
      }
      // The server is unreachable: the text stays in this browser and we try again.
      dirty.current = true;
      setStatus("offline");
      setMessage("Can’t reach the server. Your changes are kept in this browser and will be saved when it is back.");
      timer.current = setTimeout(() => void saveRef.current(), retryDelay.current);
      retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
    } finally {
      inFlight.current = false;
    }
    if (dirty.current && !conflicted.current && !refused.current && !timer.current) timer.current = setTimeout(() => void saveRef.current(), DEBOUNCE_MS);
  }, [articleId, enabled, setStatus, writeBackup]);
  useLayoutEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Call on every change: marks unsaved and schedules a save. */
  const changed = useCallback(() => {
    if (!enabled) return;
    dirty.current = true;
    refused.current = false;
    if (statusRef.current !== "conflict" && statusRef.current !== "offline") setStatus("unsaved");
    if (conflicted.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), DEBOUNCE_MS);
  }, [enabled, setStatus]);

  /**
   * After the person chose in the conflict view: continue from the server's version, saving
   * their own text over it (`saveMine`) or taking the server's as it is.
   */
  const resolveConflict = useCallback(
    (serverVersion: number, saveMine: boolean) => {
      version.current = serverVersion;
      conflicted.current = false;
      setMessage(null);
      if (saveMine) {
        noFold.current = true;
        dirty.current = true;
        setStatus("unsaved");
        setTimeout(() => void saveRef.current(), 0);
      } else {
        dirty.current = false;
        window.localStorage.removeItem(backupKey(articleId));
        setStatus("saved");
      }
    },
    [articleId, setStatus],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden" && dirty.current) {
        writeBackup(latest.current.read());
        void saveRef.current();
      }
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) {
        writeBackup(latest.current.read());
        e.preventDefault();
      }
    };
    const onOnline = () => dirty.current && void saveRef.current();
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("online", onOnline);
    };
  }, [writeBackup]);

  /** Saves anything pending and returns the version the server has, or null if it could not. */
  const flush = useCallback(async (): Promise<number | null> => {
    for (let i = 0; i < 100 && inFlight.current; i++) await new Promise((r) => setTimeout(r, 50));
    if (dirty.current) await saveRef.current();
    return dirty.current || conflicted.current || inFlight.current ? null : version.current;
  }, []);

  return { status, message, savedAt, changed, saveNow: save, flush, resolveConflict, version };
}
