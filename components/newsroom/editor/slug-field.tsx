"use client";

import { useState } from "react";
import { changeSlugAction } from "@/lib/actions/slug";
import { followsTitle as slugFollowsTitle, slugify } from "@/lib/slug";

/** The URL as the server knows it: may it still change, and does it still follow the title. */
export interface SlugState {
  slug: string;
  editable: boolean;
  followsTitle: boolean;
  /** Set once the article has been published: the URL never changes again. */
  fixed: boolean;
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug the article will have: while it follows the title, the title's (as the next save makes it). */
export function expectedSlug(state: SlugState, title: string): string {
  if (!state.followsTitle || !title.trim()) return state.slug;
  return slugFollowsTitle(state.slug, title) ? state.slug : slugify(title);
}

interface Props {
  articleId: number;
  siteUrl: string;
  state: SlugState;
  title: string;
  onChange: (state: SlugState) => void;
}

/** The article's URL: editable until the first publication, then shown as fixed. */
export function SlugField({ articleId, siteUrl, state, title, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(state.slug);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const shown = expectedSlug(state, title);

  async function save() {
    const slug = value.trim();
    if (!SLUG_PATTERN.test(slug) || slug.length > 80) {
      setError("Use lowercase letters, digits and single hyphens only (no spaces, accents or hyphens at the ends), at most 80 characters.");
      return;
    }
    setPending(true);
    setError(null);
    const form = new FormData();
    form.set("articleId", String(articleId));
    form.set("slug", slug);
    try {
      const result = await changeSlugAction(null, form);
      if (result.ok && result.data) {
        onChange({ slug: result.data.slug, editable: true, followsTitle: false, fixed: false });
        setEditing(false);
      } else if (!result.ok) {
        setError(result.message);
      }
    } catch {
      setError("The server could not be reached. The URL was not changed; try again.");
    }
    setPending(false);
  }

  return (
    <div className="text-sm text-slate-700">
      {editing ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="article-slug" className="font-medium">
            URL
          </label>
          <span className="text-slate-600">{siteUrl}/news/</span>
          <input
            id="article-slug"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "article-slug-error" : "article-slug-hint"}
            maxLength={80}
            autoFocus
            className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1 font-mono text-sm"
          />
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400">
            Save URL
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(false);
              setError(null);
            }}
            className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-100"
          >
            Cancel
          </button>
          <p id="article-slug-hint" className="w-full text-xs text-slate-600">
            Lowercase letters, digits and hyphens. It is fixed once the article is first published.
          </p>
          {error && (
            <p id="article-slug-error" role="alert" className="w-full text-sm text-accent-700">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p className="flex flex-wrap items-center gap-x-2">
          <span className="font-medium">URL</span>
          <span className="break-all font-mono text-slate-600">
            {siteUrl}/news/{shown}
          </span>
          {state.editable ? (
            <button
              type="button"
              onClick={() => {
                setValue(shown);
                setEditing(true);
              }}
              className="text-sm font-semibold text-brand-700 underline"
            >
              Change URL
            </button>
          ) : (
            state.fixed && <span className="text-xs text-slate-600">(fixed since the first publication)</span>
          )}
        </p>
      )}
    </div>
  );
}
