import { servePublicMedia } from "@/lib/media/serve";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  return servePublicMedia(key, file);
}
