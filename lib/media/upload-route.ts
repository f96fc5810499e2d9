import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, unavailableResponse } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { mediaMetaSchema } from "@/lib/validation/article";
import { acceptUpload, MAX_UPLOAD_BYTES, readLimited } from "./upload";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/** Same-origin only: a cookie-carrying POST from another site is refused (CSRF). */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** POST /api/media: checks the person, the origin and the size before reading the file. */
export async function handleUpload(request: Request): Promise<Response> {
  let user: Awaited<ReturnType<typeof getCurrentUser>>;
  try {
    user = await getCurrentUser();
  } catch (error) {
    // The database cannot be read at all (PostgreSQL away): the same 503 as a refused write.
    const unavailable = unavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
  if (!user) return json(401, { message: "Your session has ended. Please sign in again." });
  if (!can(user, "media.upload")) return json(403, { message: "You do not have permission to upload photographs." });
  if (!sameOrigin(request)) return json(403, { message: "Uploads must come from this site." });
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > MAX_UPLOAD_BYTES) return json(413, { message: "The file is larger than 20 MB." });

  const params = new URL(request.url).searchParams;
  const meta = mediaMetaSchema.safeParse({ alt: params.get("alt") ?? "", caption: params.get("caption") ?? "", credit: params.get("credit") ?? "" });
  if (!meta.success) return json(400, { message: meta.error.issues[0]?.message ?? "Invalid details." });
  try {
    const bytes = await readLimited(request.body);
    const photo = await acceptUpload(user, bytes, request.headers.get("content-type"), meta.data);
    return json(201, { photo });
  } catch (error) {
    const unavailable = unavailableResponse(error); // busy database, full or read-only disk: 503
    if (unavailable) return unavailable;
    if (error instanceof AppError) return json(error.message.includes("20 MB") ? 413 : 415, { message: error.message });
    console.error("upload failed", error);
    return json(500, { message: "The upload failed on our side. Please try again." });
  }
}
