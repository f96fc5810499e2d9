"use client";

import { redoDepth, undoDepth } from "@tiptap/pm/history";
import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useState } from "react";

interface ToolbarProps {
  editor: Editor;
  onPickFiles: (files: File[]) => void;
  onOpenLibrary: () => void;
  /** Changes each time the person presses Ctrl+K in the body: opens the link field. */
  linkRequest: number;
}

// What the tooltips say; the keys themselves are TipTap's (StarterKit) and the editor's own.
const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const keys = (shortcut: string) => (isMac ? shortcut.replace("Ctrl+", "⌘").replace("Shift+", "⇧") : shortcut);

// Buttons keep the editor's selection: mousedown must not move focus away from it.
const keepFocus = (e: React.MouseEvent) => e.preventDefault();

/** Formatting controls; each is a real button with a name and a pressed state. */
export function Toolbar({ editor, onPickFiles, onOpenLibrary, linkRequest }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      // Cheap reads of the history stack: `can().undo()` would dry-run a command on every key.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
    }),
  });
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState("");
  useEffect(() => {
    if (linkRequest === 0) return;
    setHref(String(editor.getAttributes("link").href ?? ""));
    setLinking(true);
  }, [linkRequest, editor]);

  const button = (label: string, text: string, active: boolean | null, run: () => void, disabled = false, shortcut?: string) => (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut?.replace("Ctrl+", "Control+")}
      title={shortcut ? `${label} (${keys(shortcut)})` : label}
      aria-pressed={active ?? undefined}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={run}
      className={`min-h-9 min-w-9 rounded px-2 text-sm font-semibold ${active ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-200"} disabled:text-slate-400`}
    >
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();

  return (
    <div role="toolbar" aria-label="Formatting" className="sticky top-0 z-10 flex flex-wrap items-center gap-1 border-b border-slate-300 bg-white/95 px-2 py-1.5 backdrop-blur">
      {button("Bold", "B", state.bold, () => chain().toggleBold().run(), false, "Ctrl+B")}
      {button("Italic", "I", state.italic, () => chain().toggleItalic().run(), false, "Ctrl+I")}
      {button("Link", "Link", state.link, () => {
        setHref(String(editor.getAttributes("link").href ?? ""));
        setLinking((v) => !v);
      }, false, "Ctrl+K")}
      <span aria-hidden="true" className="mx-1 h-6 w-px bg-slate-300" />
      {button("Heading 2", "H2", state.h2, () => chain().toggleHeading({ level: 2 }).run(), false, "Ctrl+Alt+2")}
      {button("Heading 3", "H3", state.h3, () => chain().toggleHeading({ level: 3 }).run(), false, "Ctrl+Alt+3")}
      {button("Bulleted list", "• List", state.bullet, () => chain().toggleBulletList().run(), false, "Ctrl+Shift+8")}
      {button("Numbered list", "1. List", state.ordered, () => chain().toggleOrderedList().run(), false, "Ctrl+Shift+7")}
      {button("Quote", "“ ”", state.quote, () => chain().toggleBlockquote().run(), false, "Ctrl+Shift+B")}
      {button("Horizontal rule", "—", null, () => chain().setHorizontalRule().run())}
      <span aria-hidden="true" className="mx-1 h-6 w-px bg-slate-300" />
      <label className="inline-flex min-h-9 cursor-pointer items-center rounded px-2 text-sm font-semibold text-slate-800 hover:bg-slate-200 focus-within:outline focus-within:outline-2 focus-within:outline-accent-600">
        Add photo
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          multiple
          className="sr-only"
          onChange={(e) => {
            onPickFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </label>
      {button("Media library", "Library", null, onOpenLibrary)}
      <span aria-hidden="true" className="mx-1 h-6 w-px bg-slate-300" />
      {button("Undo", "↶", null, () => chain().undo().run(), !state.canUndo, "Ctrl+Z")}
      {button("Redo", "↷", null, () => chain().redo().run(), !state.canRedo, "Ctrl+Shift+Z")}
      {linking && (
        <form
          className="flex basis-full items-center gap-2 pt-1"
          onSubmit={(e) => {
            e.preventDefault();
            const value = href.trim();
            if (value) chain().extendMarkRange("link").setLink({ href: value }).run();
            else chain().extendMarkRange("link").unsetLink().run();
            setLinking(false);
          }}
        >
          <label htmlFor="link-href" className="text-sm font-medium">
            Link address
          </label>
          <input id="link-href" value={href} onChange={(e) => setHref(e.target.value)} placeholder="https://… or /news/…" className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1 text-sm" autoFocus />
          <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white">
            Apply
          </button>
          <button type="button" onClick={() => { chain().extendMarkRange("link").unsetLink().run(); setLinking(false); }} className="rounded border border-slate-400 px-3 py-1 text-sm">
            Remove link
          </button>
        </form>
      )}
    </div>
  );
}
