import { serveReviewMedia } from "@/lib/media/serve";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string; key: string; file: string }> }) {
  const { token, key, file } = await params;
  return serveReviewMedia(token, key, file);
}
