"use client";

import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { addOutsideCommentAction } from "@/lib/actions/review-links";
import type { ActionResult } from "@/lib/actions/define";

/**
 * Comments from the outside reviewer, under the name they give. The text goes to the newsroom
 * as plain text (React escapes it wherever it is shown); the server checks the link again, the
 * lengths and the hourly limit. The fields are controlled, so a refused comment keeps its text
 * (React resets a form's own fields after every action).
 */
export function ReviewCommentForm({ token }: { token: string }) {
  const [name, setName] = useState("");
  const [quote, setQuote] = useState("");
  const [body, setBody] = useState("");
  const [state, action, pending] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    const result = await addOutsideCommentAction(previous, form);
    if (result.ok) {
      setQuote("");
      setBody("");
    }
    return result;
  }, null);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby={`${id}-h`} className="mx-auto mt-12 max-w-3xl rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
      <h2 id={`${id}-h`} className="font-serif text-2xl font-bold text-brand-900">
        Comments for the newsroom
      </h2>
      <p className="mt-1 text-sm text-slate-700">Corrections to quotes or facts are most welcome. Only the newsroom sees what you write.</p>
      <form action={action} className="mt-4 space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="token" value={token} />
        <Field label="Your name" name="name" required maxLength={80} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} errors={errors?.name} />
        <Field
          label="Passage you are commenting on (optional)"
          name="quote"
          maxLength={500}
          value={quote}
          onChange={(e) => setQuote(e.target.value)}
          hint="Paste the words from the article, if your comment is about a particular passage."
          errors={errors?.quote}
        />
        <div>
          <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-800">
            Comment
          </label>
          <textarea
            id={`${id}-body`}
            name="body"
            required
            maxLength={2000}
            rows={5}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={errors?.body?.length ? true : undefined}
            aria-describedby={errors?.body?.length ? `${id}-body-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none aria-[invalid=true]:border-accent-600"
          />
          {errors?.body && (
            <p id={`${id}-body-error`} className="mt-1 text-sm text-accent-700">
              {errors.body.join(" ")}
            </p>
          )}
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send comment"}
        </Button>
      </form>
    </section>
  );
}
