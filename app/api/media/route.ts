import { handleUpload } from "@/lib/media/upload-route";

export const dynamic = "force-dynamic";

/** Photo upload from the editor: the raw file as the body, its metadata in the query string. */
export function POST(request: Request) {
  return handleUpload(request);
}
