"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/newsroom/editor/confirm-dialog";
import { moveAssignmentAction } from "@/lib/actions/assignments";
import { moveScheduledAction } from "@/lib/actions/calendar";
import { dayOf, formatDue } from "@/lib/newsroom/calendar-days";
import { dateToZonedLocal, zonedLocalToDate } from "@/lib/time";
import type { MoveTarget } from "@/lib/newsroom/calendar";

/*
 * Moving entries on the calendar: "Earlier" / "Later" buttons on each movable entry (keyboard
 * and screen reader) and dragging it onto another day (pointer) call the same server actions.
 * An assignment's due date moves at once; a scheduled publication first asks, since a new time
 * is a new approval of something public. The outcome is announced in one live region, and after
 * a move by button the focus returns to the same button on the entry's new day.
 */

type Direction = "earlier" | "later" | "drop";
export type Movable = MoveTarget & { title: string; at: string };
interface Pending {
  target: Movable;
  day: string;
  direction: Direction;
}
interface Moves {
  request: (target: Movable, day: string, direction: Direction) => void;
  pending: boolean;
  focusAfter: { key: string; direction: Direction } | null;
  /** The entry being dragged (set on drag start, taken on drop). */
  drag: { start: (target: Movable | null) => void; take: () => Movable | null };
  timeZone: string;
}

const MovesContext = createContext<Moves | null>(null);
const DRAG_TYPE = "application/x-masthead-calendar";
const keyOf = (t: MoveTarget) => (t.kind === "due" ? `due-${t.assignmentId}` : `scheduled-${t.articleId}`);

/** Provides moving to the calendar below it and announces what happened. */
export function CalendarMoves({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [focusAfter, setFocusAfter] = useState<Moves["focusAfter"]>(null);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const dragged = useRef<Movable | null>(null);
  const drag = useMemo(
    () => ({
      start: (target: Movable | null) => {
        dragged.current = target;
      },
      take: () => {
        const target = dragged.current;
        dragged.current = null;
        return target;
      },
    }),
    [],
  );

  const run = useCallback(
    ({ target, day, direction }: Pending) => {
      const form = new FormData();
      form.set("day", day);
      if (target.kind === "due") form.set("assignmentId", String(target.assignmentId));
      else {
        form.set("articleId", String(target.articleId));
        form.set("baseVersion", String(target.version));
      }
      start(async () => {
        const result = target.kind === "due" ? await moveAssignmentAction(null, form) : await moveScheduledAction(null, form);
        setConfirming(null);
        setMessage({ ok: result.ok, text: result.message });
        if (result.ok) {
          setFocusAfter({ key: keyOf(target), direction });
          router.refresh();
        }
      });
    },
    [router],
  );
  const request = useCallback((target: Movable, day: string, direction: Direction) => (target.kind === "due" ? run({ target, day, direction }) : setConfirming({ target, day, direction })), [run]);

  const from = confirming ? new Date(confirming.target.at) : null;
  const to = confirming && from ? zonedLocalToDate(`${confirming.day}T${dateToZonedLocal(from, timeZone).slice(11)}`, timeZone) : null;
  return (
    <MovesContext value={{ request, pending, focusAfter, drag, timeZone }}>
      <p role="status" aria-live="polite" className={message ? `mb-3 rounded-md border px-3 py-2 text-sm ${message.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-accent-600/40 bg-red-50 text-accent-700"}` : "sr-only"}>
        {message?.text}
      </p>
      {children}
      <ConfirmDialog
        open={confirming !== null}
        title="Move the publication?"
        confirmLabel="Move publication"
        pending={pending}
        onConfirm={() => confirming && run(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming && from && to && (
          <p>
            “{confirming.target.title}” will go live on the public site on <strong>{formatDue(to, timeZone)}</strong> instead of {formatDue(from, timeZone)} ({timeZone} time). A new time is a new approval,
            recorded as yours.
          </p>
        )}
      </ConfirmDialog>
    </MovesContext>
  );
}

/** A day of the calendar that accepts a dragged entry. */
export function DropDay({ day, className, children }: { day: string; className: string; children: React.ReactNode }) {
  const moves = useContext(MovesContext);
  const [over, setOver] = useState(false);
  if (!moves) return <li className={className}>{children}</li>;
  return (
    <li
      className={`${className} ${over ? "ring-2 ring-brand-600 ring-inset" : ""}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const target = moves.drag.take();
        if (!target || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        if (dayOf(new Date(target.at), moves.timeZone) !== day) moves.request(target, day, "drop");
      }}
    >
      {children}
    </li>
  );
}

/** An entry that can be dragged to another day, with its Earlier / Later buttons. */
export function MovableEntry({ target, previousDay, nextDay, className, children }: { target: Movable; previousDay: string; nextDay: string; className: string; children: React.ReactNode }) {
  const moves = useContext(MovesContext);
  const earlier = useRef<HTMLButtonElement>(null);
  const later = useRef<HTMLButtonElement>(null);
  const focusAfter = moves?.focusAfter;
  const key = keyOf(target);
  useEffect(() => {
    if (focusAfter?.key !== key) return;
    if (focusAfter.direction === "earlier") earlier.current?.focus();
    if (focusAfter.direction === "later") later.current?.focus();
  }, [focusAfter, key, previousDay]);
  if (!moves) return <li className={className}>{children}</li>;
  const button = "rounded border border-slate-300 bg-white px-1.5 py-0.5 text-[11px] font-medium text-slate-700 hover:bg-slate-100 disabled:text-slate-400";
  const what = target.kind === "due" ? "day for" : "publication day for";
  return (
    <li
      className={`${className} cursor-grab`}
      draggable
      onDragStart={(event) => {
        moves.drag.start(target);
        event.dataTransfer.setData(DRAG_TYPE, key);
        event.dataTransfer.effectAllowed = "move";
      }}
      onDragEnd={() => moves.drag.start(null)}
    >
      {children}
      <div className="mt-1 flex gap-1">
        <button ref={earlier} type="button" className={button} aria-disabled={moves.pending || undefined} onClick={() => !moves.pending && moves.request(target, previousDay, "earlier")}>
          ‹ Earlier<span className="sr-only"> {what} “{target.title}”</span>
        </button>
        <button ref={later} type="button" className={button} aria-disabled={moves.pending || undefined} onClick={() => !moves.pending && moves.request(target, nextDay, "later")}>
          Later<span className="sr-only"> {what} “{target.title}”</span> ›
        </button>
      </div>
    </li>
  );
}
