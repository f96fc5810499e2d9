"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { sameContent } from "@/lib/content/fidelity";
import { validateBody } from "@/lib/content/validate";
import { setFocalPointAction } from "@/lib/actions/media";
import { ChecksPanel } from "./checks-panel";
import { CommentMargin, useMarginShown } from "./comment-margin";
import { CommentsPanel, type CommentView } from "./comments-panel";
import { useReviewComments } from "./use-review-comments";
import { ConflictView } from "./conflict-view";
import { bodyExtensions, BODY_PLACEHOLDER } from "./extensions";
import { LeadImage } from "./lead-image";
import { MediaPicker } from "./media-picker";
import { PhotosContext, type EditorPhoto } from "./photos-context";
import { Toolbar } from "./toolbar";
import { readPendingCaret } from "./pending-caret";
import { precheckFile, uploadPhoto } from "./upload";
import { readBackup, useAutosave, type LeadWords, type ServerCopy, type Snapshot } from "./use-autosave";
import { announceTitle } from "./live-heading";
import { SlugField, expectedSlug, type SlugState } from "./slug-field";
import { WorkflowBar, type WorkflowInfo } from "./workflow-bar";

export interface EditorArticle {
  id: number;
  version: number;
  title: string;
  standfirst: string;
  body: unknown;
  topicIds: number[];
  leadMediaId: number | null;
  leadAlt: string | null;
  leadCaption: string | null;
  leadCredit: string | null;
}

/** A newly chosen lead starts with the library's words. */
const LIBRARY_WORDS: LeadWords = { leadAlt: null, leadCaption: null, leadCredit: null };
const wordsOf = (copy: LeadWords): LeadWords => ({ leadAlt: copy.leadAlt, leadCaption: copy.leadCaption, leadCredit: copy.leadCredit });

interface Props {
  article: EditorArticle;
  topics: { id: number; name: string; slug: string }[];
  photos: EditorPhoto[];
  readOnly: boolean;
  workflow: WorkflowInfo;
  slug: SlugState;
  comments: CommentView[];
  /** Panels the page renders beside the editor (brief, outside review links, corrections), above the comments. */
  side?: ReactNode;
}

interface Upload {
  key: string;
  name: string;
  progress: number;
  error?: string;
}

const WORDS_PER_MINUTE = 230;

/** Where the checks panel shows, and what its blockers stop there; a live piece's text is checked again once it is edited. */
const CHECK_STAGE: ReadonlyMap<WorkflowInfo["status"], "submit" | "publish"> = new Map([
  ["draft", "submit"],
  ["changes_requested", "submit"],
  ["in_review", "publish"],
  ["scheduled", "publish"],
]);

/** The body's node for a photo: the placement starts with the library's words for it. */
const imageNode = (photo: EditorPhoto) => ({ type: "image", attrs: { mediaId: photo.id, alt: photo.alt, caption: photo.caption, credit: photo.credit || null } });

/** Whether the body holds the photo `mediaId`. */
function bodyHasPhoto(editor: Editor | null, mediaId: number | null): boolean {
  if (!editor || mediaId === null) return false;
  let found = false;
  editor.state.doc.descendants((node) => {
    if (node.type.name === "image" && node.attrs.mediaId === mediaId) found = true;
    return !found;
  });
  return found;
}

/** Where a new photo goes: after the top-level block holding the selection, never inside it. */
function afterCurrentBlock(editor: Editor): number {
  const { $to } = editor.state.selection;
  return $to.depth > 0 ? $to.after(1) : $to.pos;
}

/**
 * Why a stored body cannot be edited here, when the editor could not load all of it: the
 * validator's own words when it names a problem, else a general one.
 */
function unrepresentableReason(body: unknown): string {
  const check = validateBody(body);
  const detail = check.ok ? "" : ` (${check.problems.slice(0, 3).join(" ")})`;
  return `This article’s text holds something the editor cannot show${detail}. To keep it intact the editor is read-only and nothing is saved from this page; the stored text is unchanged. Ask an administrator to repair it.`;
}

/** The article editor: title, standfirst, the TipTap body with photos, topics and autosave. */
export function ArticleEditor({ article, topics, photos: initialPhotos, readOnly: readOnlyByRole, workflow, slug, comments, side }: Props) {
  // Set when the stored body did not load whole: the page then never saves, so an autosave
  // cannot replace the stored text with what the editor managed to parse.
  const [unrepresentable, setUnrepresentable] = useState<string | null>(null);
  const readOnly = readOnlyByRole || unrepresentable !== null;
  const [title, setTitle] = useState(article.title);
  const [standfirst, setStandfirst] = useState(article.standfirst);
  const [topicIds, setTopicIds] = useState(article.topicIds);
  const [leadMediaId, setLeadMediaId] = useState(article.leadMediaId);
  const [leadWords, setLeadWords] = useState<LeadWords>(() => wordsOf(article));
  const [photos, setPhotos] = useState<Record<number, EditorPhoto>>(() => Object.fromEntries(initialPhotos.map((p) => [p.id, p])));
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [picker, setPicker] = useState<{ purpose: string; onPick: (photo: EditorPhoto) => void } | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const focalTimers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const [conflict, setConflict] = useState<{ server: ServerCopy; mine: Snapshot } | null>(null);
  const [words, setWords] = useState(0);
  const [linkRequest, setLinkRequest] = useState(0);
  const [slugState, setSlugState] = useState(slug);
  const editorRef = useRef<Editor | null>(null);
  const fields = useRef({ title, standfirst, topicIds, leadMediaId, ...leadWords });
  useLayoutEffect(() => {
    fields.current = { title, standfirst, topicIds, leadMediaId, ...leadWords };
  }, [title, standfirst, topicIds, leadMediaId, leadWords]);

  const read = useCallback((): Snapshot => ({ ...fields.current, body: editorRef.current?.getJSON() ?? article.body }), [article.body]);
  const autosave = useAutosave({ articleId: article.id, version: article.version, enabled: !readOnly, read, onConflict: (server, mine) => setConflict({ server, mine }) });
  const { changed, flush } = autosave;

  const countWords = useMemo(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    return (editor: Editor) => {
      if (timer) clearTimeout(timer);
      // Counting a long article on every key would cost a frame; do it when typing pauses.
      timer = setTimeout(() => setWords(editor.state.doc.textContent.split(/\s+/).filter(Boolean).length), 250);
    };
  }, []);

  const addPhotos = useCallback((list: EditorPhoto[]) => setPhotos((prev) => ({ ...prev, ...Object.fromEntries(list.map((p) => [p.id, p])) })), []);

  const uploadFiles = useCallback(
    async (files: File[], at?: number) => {
      for (const file of files) {
        const key = `${file.name}-${Date.now()}-${Math.random()}`;
        const problem = precheckFile(file);
        if (problem) {
          setUploads((u) => [...u, { key, name: file.name, progress: 0, error: problem }]);
          continue;
        }
        setUploads((u) => [...u, { key, name: file.name, progress: 0 }]);
        try {
          const photo = await uploadPhoto(file, (progress) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, progress } : x))));
          addPhotos([photo]);
          const editor = editorRef.current;
          if (editor) editor.chain().insertContentAt(at ?? afterCurrentBlock(editor), imageNode(photo)).run();
          setUploads((u) => u.filter((x) => x.key !== key));
        } catch (error) {
          setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: error instanceof Error ? error.message : "The upload failed." } : x)));
        }
      }
    },
    [addPhotos],
  );

  const editor = useEditor({
    immediatelyRender: false,
    editable: !readOnly,
    extensions: bodyExtensions(),
    content: article.body as object,
    // Content the schema cannot parse raises contentError instead of being dropped silently.
    enableContentCheck: true,
    onContentError: ({ editor: e }) => {
      e.setEditable(false);
      setUnrepresentable(unrepresentableReason(article.body));
    },
    editorProps: {
      attributes: { "aria-label": "Body", "aria-multiline": "true", "aria-placeholder": BODY_PLACEHOLDER, role: "textbox", class: "prose prose-lg prose-slate max-w-none font-serif min-h-[24rem] px-6 py-5 focus:outline-none" },
      handleDrop: (view, event) => {
        const files = [...(event.dataTransfer?.files ?? [])].filter((f) => f.type.startsWith("image/") || f.size > 0);
        if (files.length === 0 || readOnly) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        void uploadFiles(files, pos);
        return true;
      },
      handleKeyDown: (view, event) => {
        readPendingCaret(view, event);
        if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
        if (event.key === "k" && !readOnly) {
          event.preventDefault();
          setLinkRequest((n) => n + 1);
          return true;
        }
        return false;
      },
      handlePaste: (_view, event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (files.length === 0 || readOnly) return false;
        void uploadFiles(files);
        return true;
      },
    },
    onCreate: ({ editor: e }) => {
      editorRef.current = e;
      countWords(e);
    },
    onUpdate: ({ editor: e }) => {
      changed();
      countWords(e);
    },
  });

  const review = useReviewComments({ articleId: article.id, initial: comments, editor });
  const marginShown = useMarginShown();

  // A copy left in this browser by a save that never reached the server comes back first.
  useEffect(() => {
    if (!editor) return;
    // Parsing can also lose attributes or marks without an error: compare what was loaded
    // with what is stored before anything else may change the document.
    if (!sameContent(article.body, editor.getJSON())) {
      editor.setEditable(false);
      setUnrepresentable(unrepresentableReason(article.body));
      return;
    }
    if (readOnly || !editor.isEditable) return;
    const backup = readBackup(article.id);
    if (!backup) return;
    if (backup.baseVersion === article.version) {
      setTitle(backup.snapshot.title);
      announceTitle(backup.snapshot.title);
      setStandfirst(backup.snapshot.standfirst);
      setTopicIds(backup.snapshot.topicIds);
      setLeadMediaId(backup.snapshot.leadMediaId);
      setLeadWords(wordsOf(backup.snapshot));
      editor.commands.setContent(backup.snapshot.body as object, { emitUpdate: false });
      changed();
    } else {
      setConflict({
        mine: backup.snapshot,
        server: { ...read(), title: article.title, standfirst: article.standfirst, body: article.body, version: article.version, savedBy: null, savedAt: new Date().toISOString() },
      });
    }
    // Only once, when the editor exists.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  // Ctrl+S (⌘S) saves now, wherever the focus is on the page, instead of the browser's "save page".
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === "s") {
        event.preventDefault();
        // Saves what is pending at once (nothing to send when it is all saved already).
        if (!readOnly) void flush();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [readOnly, flush]);

  const update = <T,>(setter: (v: T) => void) => (value: T) => {
    setter(value);
    changed();
  };

  const photosApi = useMemo(
    () => ({
      photos,
      leadMediaId,
      readOnly,
      setLead: (id: number | null) => {
        // The words typed for one photo do not describe another.
        if (id !== leadMediaId) setLeadWords(LIBRARY_WORDS);
        update(setLeadMediaId)(id);
      },
      describe: (id: number, fields: Partial<Pick<EditorPhoto, "alt" | "caption" | "credit">>) =>
        setPhotos((prev) => (prev[id] ? { ...prev, [id]: { ...prev[id], ...fields } } : prev)),
      setFocal: (id: number, focalX: number, focalY: number) => {
        setPhotos((prev) => (prev[id] ? { ...prev, [id]: { ...prev[id], focalX, focalY } } : prev));
        // Clicks and arrow keys come in bursts: save the point where the person stops.
        clearTimeout(focalTimers.current.get(id));
        focalTimers.current.set(
          id,
          setTimeout(async () => {
            const form = new FormData();
            form.set("mediaId", String(id));
            form.set("focalX", String(focalX));
            form.set("focalY", String(focalY));
            const result = await setFocalPointAction(null, form).catch(() => null);
            setPhotoError(result?.ok ? null : (result?.message ?? "The focal point was not saved: the server could not be reached."));
          }, 400),
        );
      },
      choosePhoto: (purpose: string, onPick: (photo: EditorPhoto) => void) =>
        setPicker({
          purpose,
          onPick: (photo) => {
            addPhotos([photo]);
            onPick(photo);
            setPicker(null);
          },
        }),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [photos, leadMediaId, readOnly],
  );

  const lead = leadMediaId ? photos[leadMediaId] : undefined;
  const leadAlt = leadWords.leadAlt ?? lead?.alt ?? "";
  const checked = useMemo(() => ({ title, standfirst, topicIds, leadMediaId, leadAlt }), [title, standfirst, topicIds, leadMediaId, leadAlt]);
  const topicSlugs = useMemo(() => new Set(topics.map((t) => t.slug)), [topics]);
  const checkStage = CHECK_STAGE.get(workflow.status);
  const placeInBody = (photo: EditorPhoto) => editor?.chain().insertContentAt(afterCurrentBlock(editor), imageNode(photo)).run();
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));

  return (
    <PhotosContext.Provider value={photosApi}>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-5">
          <WorkflowBar
            articleId={article.id}
            workflow={workflow}
            piece={{ title, slug: expectedSlug(slugState, title), topics: topics.filter((t) => topicIds.includes(t.id)).map((t) => t.name) }}
            ensureSaved={readOnly ? async () => article.version : autosave.flush}
            savedAt={autosave.savedAt}
          />
          {unrepresentable ? (
            <p role="alert" className="rounded-md border border-accent-700 bg-white px-3 py-2 text-sm font-medium text-accent-700">
              {unrepresentable}
            </p>
          ) : (
            <SaveStatusLine status={autosave.status} message={autosave.message} savedAt={autosave.savedAt} readOnly={readOnly} />
          )}
          {conflict && editor && (
            <ConflictView
              mine={conflict.mine}
              server={conflict.server}
              onKeepMine={() => {
                setConflict(null);
                autosave.resolveConflict(conflict.server.version, true);
              }}
              onUseTheirs={() => {
                const s = conflict.server;
                setTitle(s.title);
                announceTitle(s.title);
                setStandfirst(s.standfirst);
                setTopicIds(s.topicIds);
                setLeadMediaId(s.leadMediaId);
                setLeadWords(wordsOf(s));
                editor.commands.setContent(s.body as object, { emitUpdate: false });
                setConflict(null);
                autosave.resolveConflict(s.version, false);
              }}
            />
          )}
          <div>
            <label htmlFor="article-title" className="block text-sm font-medium text-slate-700">
              Title
            </label>
            {/* A textarea that grows with the text, so a long headline is seen whole; it stays one line. */}
            <textarea
              id="article-title"
              rows={1}
              value={title}
              readOnly={readOnly}
              onChange={(e) => {
                const value = e.target.value.replace(/[\r\n]+/g, " ");
                update(setTitle)(value);
                announceTitle(value);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  document.getElementById("article-standfirst")?.focus();
                }
              }}
              maxLength={200}
              className="mt-1 block w-full resize-none rounded-md border border-slate-400 bg-white px-3 py-2 font-serif text-3xl font-bold text-brand-900 [field-sizing:content]"
            />
            <div className="mt-1.5">
              <SlugField articleId={article.id} siteUrl={workflow.siteUrl} state={slugState} title={title} onChange={setSlugState} />
            </div>
          </div>
          <div>
            <label htmlFor="article-standfirst" className="block text-sm font-medium text-slate-700">
              Standfirst
            </label>
            <textarea id="article-standfirst" value={standfirst} readOnly={readOnly} onChange={(e) => update(setStandfirst)(e.target.value)} rows={2} maxLength={600} className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-serif text-lg text-slate-700" />
          </div>
          <div className="rounded-md border border-slate-400 bg-white">
            {editor && !readOnly && <Toolbar editor={editor} onPickFiles={(f) => void uploadFiles(f)} onOpenLibrary={() => photosApi.choosePhoto("Place a photo in the body", placeInBody)} linkRequest={linkRequest} />}
            <CommentMargin review={review} editor={editor} timeZone={workflow.timeZone} shown={marginShown}>
              <EditorContent editor={editor} />
            </CommentMargin>
          </div>
          {uploads.length > 0 && (
            <ul aria-label="Uploads" className="space-y-2">
              {uploads.map((u) => (
                <li key={u.key} className="rounded border border-slate-300 bg-white p-2 text-sm">
                  {u.error ? (
                    <span role="alert" className="text-accent-700">
                      {u.error}{" "}
                      <button type="button" className="underline" onClick={() => setUploads((x) => x.filter((y) => y.key !== u.key))}>
                        Dismiss
                      </button>
                    </span>
                  ) : (
                    <label className="flex items-center gap-3">
                      Uploading {u.name}
                      <progress value={u.progress} max={1} className="flex-1" />
                    </label>
                  )}
                </li>
              ))}
            </ul>
          )}
          {photoError && (
            <p role="alert" className="text-sm text-accent-700">
              {photoError}
            </p>
          )}
          <p className="text-sm text-slate-600">
            {words.toLocaleString("en-US")} words · {minutes} min read
          </p>
        </div>
        <aside className="space-y-5">
          {checkStage && <ChecksPanel editor={editor} fields={checked} siteUrl={workflow.siteUrl} topicSlugs={topicSlugs} stage={checkStage} />}
          {side}
          <CommentsPanel review={review} editor={editor} timeZone={workflow.timeZone} marginShown={marginShown} />
          <fieldset className="rounded-md border border-slate-300 bg-white p-4">
            <legend className="px-1 text-sm font-semibold text-slate-800">Topics</legend>
            <div className="space-y-1.5">
              {topics.map((t) => (
                <label key={t.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    disabled={readOnly}
                    checked={topicIds.includes(t.id)}
                    onChange={(e) => update(setTopicIds)(e.target.checked ? [...topicIds, t.id] : topicIds.filter((x) => x !== t.id))}
                  />
                  {t.name}
                </label>
              ))}
            </div>
          </fieldset>
          <LeadImage
            lead={lead}
            inBody={bodyHasPhoto(editor, leadMediaId)}
            readOnly={readOnly}
            onChoose={() => photosApi.choosePhoto("Choose the lead image", (photo) => photosApi.setLead(photo.id))}
            onUploaded={(photo) => {
              addPhotos([photo]);
              photosApi.setLead(photo.id);
            }}
            onRemove={() => photosApi.setLead(null)}
            onFocal={(x, y) => lead && photosApi.setFocal(lead.id, x, y)}
            words={leadWords}
            onWords={(words) => {
              setLeadWords((prev) => ({ ...prev, ...words }));
              changed();
            }}
          />
        </aside>
      </div>
      {picker && <MediaPicker purpose={picker.purpose} onPick={picker.onPick} onClose={() => setPicker(null)} />}
    </PhotosContext.Provider>
  );
}

const STATUS_TEXT = { saved: "Saved", unsaved: "Unsaved changes", saving: "Saving…", offline: "Offline", error: "Not saved", conflict: "Conflict" } as const;

function SaveStatusLine({ status, message, savedAt, readOnly }: { status: keyof typeof STATUS_TEXT; message: string | null; savedAt: string | null; readOnly: boolean }) {
  if (readOnly) return <p className="rounded-md bg-slate-200 px-3 py-2 text-sm text-slate-800">Read only: this article cannot be edited by you in its current state.</p>;
  const tone = status === "saved" ? "text-emerald-800" : status === "error" || status === "conflict" || status === "offline" ? "text-accent-700" : "text-slate-700";
  return (
    <div role="status" aria-live="polite" className={`text-sm font-medium ${tone}`}>
      {STATUS_TEXT[status]}
      {status === "saved" && savedAt && <span className="font-normal text-slate-600"> at {new Date(savedAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}</span>}
      {message && <span className="ml-2 font-normal">{message}</span>}
    </div>
  );
}
