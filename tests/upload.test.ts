import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/permissions";
import { useFreshDatabase } from "./support/temp-db";

// Integration: photo uploads are checked by content and re-encoded without metadata.
let cleanup: () => Promise<void>;
let dir: string;
let u: typeof import("@/lib/media/upload");
let user: CurrentUser;
const meta = { alt: "A test photo", caption: "Caption", credit: "Test" };

beforeAll(async () => {
  ({ cleanup, dir } = await useFreshDatabase());
  u = await import("@/lib/media/upload");
  const { addStaff } = await import("./support/people");
  const { id } = (await addStaff([["u", "drafter"]] as const)).u!;
  user = { id, name: "U", email: "u@example.edu", role: "drafter" };
});
afterAll(() => cleanup());

const jpegWithExif = () =>
  sharp({ create: { width: 640, height: 400, channels: 3, background: "#3366aa" } })
    .withExif({ IFD0: { Copyright: "Secret Person", Make: "SpyCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 54/1 0/1" } })
    .jpeg()
    .toBuffer();

const stream = (bytes: Buffer, chunk = 64 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(new Uint8Array(bytes.subarray(i, i + chunk)));
      controller.close();
    },
  });

describe("photo uploads", () => {
  it("re-encodes a JPEG and drops its EXIF and GPS data", async () => {
    const input = await jpegWithExif();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const photo = await u.acceptUpload(user, input, "image/jpeg", meta);
    expect(photo).toMatchObject({ width: 640, height: 400, alt: "A test photo" });
    const stored = fs.readFileSync(path.join(dir, "media", "originals", `${photo.fileKey}.jpg`));
    const info = await sharp(stored).metadata();
    expect(info.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("SpyCam"))).toBe(false);
    expect(stored.includes(Buffer.from("Secret Person"))).toBe(false);
  });

  it("accepts PNG, WebP and GIF by their bytes", async () => {
    const base = sharp({ create: { width: 32, height: 32, channels: 4, background: "#ff0000" } });
    for (const [bytes, type] of [
      [await base.clone().png().toBuffer(), "image/png"],
      [await base.clone().webp().toBuffer(), "image/webp"],
      [await base.clone().gif().toBuffer(), "image/gif"],
    ] as const) {
      await expect(u.acceptUpload(user, bytes, type, meta)).resolves.toMatchObject({ width: 32 });
    }
  });

  it("refuses SVG, text, and a file that lies about its type", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(u.acceptUpload(user, svg, "image/svg+xml", meta)).rejects.toThrow(/Only JPEG, PNG, WebP and GIF/);
    await expect(u.acceptUpload(user, Buffer.from("just text"), "image/jpeg", meta)).rejects.toThrow(/Only JPEG, PNG, WebP and GIF/);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).png().toBuffer();
    await expect(u.acceptUpload(user, png, "image/jpeg", meta)).rejects.toThrow(/does not match its type/);
    // JPEG magic bytes followed by garbage: decoding fails, nothing is stored.
    await expect(u.acceptUpload(user, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100, 7)]), "image/jpeg", meta)).rejects.toThrow(/could not be read/);
  });

  it("refuses a 20000×20000 image before decoding it (decompression bomb)", async () => {
    const bomb = await sharp({ create: { width: 20000, height: 20000, channels: 3, background: "#fff" }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(u.MAX_UPLOAD_BYTES);
    await expect(u.acceptUpload(user, bomb, "image/png", meta)).rejects.toThrow(/too large in pixels/);
  });

  it("stops reading a body as soon as it passes the size limit", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 1);
    let pulled = 0;
    const counting = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 100) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    await expect(u.readLimited(counting, 1024 * 1024)).rejects.toThrow(/larger than 20 MB/);
    expect(pulled).toBeLessThan(20);
    expect((await u.readLimited(stream(big), 4 * 1024 * 1024)).length).toBe(big.length);
    await expect(u.readLimited(stream(Buffer.alloc(0)))).rejects.toThrow(/empty/);
  });
});
