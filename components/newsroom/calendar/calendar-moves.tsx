"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, useTransition } from "react";
import { moveAssignmentAction } from "@/lib/actions/assignments";

/*
 * Moving assignments' due dates on the calendar: "Earlier" / "Later" buttons on each entry
 * (keyboard and screen reader), and dragging an entry onto another day (pointer). Both call the
 * same server action; the outcome is announced in one live region, and after a move by button
 * the focus returns to the same button on the entry's new day.
 */

type Direction = "earlier" | "later" | "drop";
interface Moves {
  move: (assignmentId: number, day: string, direction: Direction) => void;
  pending: boolean;
  focusAfter: { id: number; direction: Direction } | null;
}

const MovesContext = createContext<Moves | null>(null);
const DRAG_TYPE = "application/x-masthead-assignment";

/** Provides moving to the calendar below it and announces what happened. */
export function CalendarMoves({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [focusAfter, setFocusAfter] = useState<Moves["focusAfter"]>(null);
  const move = useCallback(
    (assignmentId: number, day: string, direction: Direction) => {
      const form = new FormData();
      form.set("assignmentId", String(assignmentId));
      form.set("day", day);
      start(async () => {
        const result = await moveAssignmentAction(null, form);
        setMessage({ ok: result.ok, text: result.message });
        if (result.ok) {
          setFocusAfter({ id: assignmentId, direction });
          router.refresh();
        }
      });
    },
    [router],
  );
  return (
    <MovesContext value={{ move, pending, focusAfter }}>
      <p role="status" aria-live="polite" className={message ? `mb-3 rounded-md border px-3 py-2 text-sm ${message.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-accent-600/40 bg-red-50 text-accent-700"}` : "sr-only"}>
        {message?.text}
      </p>
      {children}
    </MovesContext>
  );
}

/** A day of the calendar that accepts a dragged assignment. */
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
        const id = Number(event.dataTransfer.getData(DRAG_TYPE));
        if (!id) return;
        event.preventDefault();
        moves.move(id, day, "drop");
      }}
    >
      {children}
    </li>
  );
}

/** An assignment entry that can be dragged to another day, with its Earlier / Later buttons. */
export function MovableEntry({ assignmentId, title, day, previousDay, nextDay, className, children }: { assignmentId: number; title: string; day: string; previousDay: string; nextDay: string; className: string; children: React.ReactNode }) {
  const moves = useContext(MovesContext);
  const earlier = useRef<HTMLButtonElement>(null);
  const later = useRef<HTMLButtonElement>(null);
  const focusAfter = moves?.focusAfter;
  useEffect(() => {
    if (focusAfter?.id !== assignmentId) return;
    if (focusAfter.direction === "earlier") earlier.current?.focus();
    if (focusAfter.direction === "later") later.current?.focus();
  }, [focusAfter, assignmentId, day]);
  if (!moves) return <li className={className}>{children}</li>;
  const button = "rounded border border-slate-300 bg-white px-1.5 py-0.5 text-[11px] font-medium text-slate-700 hover:bg-slate-100 disabled:text-slate-400";
  return (
    <li className={`${className} cursor-grab`} draggable onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, String(assignmentId))}>
      {children}
      <div className="mt-1 flex gap-1">
        <button ref={earlier} type="button" className={button} disabled={moves.pending} onClick={() => moves.move(assignmentId, previousDay, "earlier")}>
          ‹ Earlier<span className="sr-only"> day for “{title}”</span>
        </button>
        <button ref={later} type="button" className={button} disabled={moves.pending} onClick={() => moves.move(assignmentId, nextDay, "later")}>
          Later<span className="sr-only"> day for “{title}”</span> ›
        </button>
      </div>
    </li>
  );
}
