import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a newsroom article read for a page: 404 for a bad id or an article this person may not open. */
export async function loadForPage<T>(params: Promise<{ id: string }>, load: (id: number) => Promise<T> | T): Promise<T> {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1) notFound();
  try {
    return await load(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
