"use client";

import Form from "next/form";
import { useRef } from "react";

/*
 * A GET form that works without JavaScript (a plain submit) and, with it, navigates on the client
 * (the URL keeps the state, so back and forward work) and applies a changed select at once.
 */
export function AutoSubmitForm({ action, label, className, children }: { action: string; label: string; className?: string; children: React.ReactNode }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <Form
      ref={form}
      action={action}
      role="search"
      aria-label={label}
      className={className}
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) form.current?.requestSubmit();
      }}
    >
      {children}
    </Form>
  );
}
