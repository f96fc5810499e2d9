import sharp from "sharp";

/** A small PNG of one colour, made for the test (no fixtures to keep in the repository). */
export async function testPhoto(name: string, colour: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const buffer = await sharp({ create: { width: 900, height: 600, channels: 3, background: colour } }).png().toBuffer();
  return { name, mimeType: "image/png", buffer };
}
