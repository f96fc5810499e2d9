import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { storageState } from "../support/auth";
import { withDb } from "../support/db";

/*
 * Uploads by raw request to POST /api/media, as a drafter's script would send them, and what is
 * served back from /media/<key>/<width>.<format>. Elsewhere: acceptUpload/readLimited alone
 * (EXIF stripped from the stored original, PNG/WebP/GIF accepted, a 20000×20000 PNG bomb, the
 * streaming limit) in tests/upload.test.ts; the upload route without a session in
 * tests/actions-newsroom.test.ts.
 */

const UNSUPPORTED = "Only JPEG, PNG, WebP and GIF photographs can be uploaded.";
const UNREADABLE = "The file could not be read as an image.";
const mediaCount = () => withDb((db) => db.prepare("select count(*) from media").pluck().get()) as number;

let drafter: APIRequestContext;
test.beforeEach(async ({ playwright, baseURL }) => {
  drafter = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
});
test.afterEach(async () => drafter.dispose());

function upload(bytes: Buffer, type: string, baseURL: string, query = "alt=Alt&caption=Caption&credit=Credit") {
  return drafter.post(`/api/media?${query}`, { headers: { "Content-Type": type, Origin: baseURL }, data: bytes });
}

const smallJpeg = () => sharp({ create: { width: 320, height: 200, channels: 3, background: "#2266aa" } }).jpeg().toBuffer();

/** A JPEG with an extra COM segment right after SOI: a valid image that also carries HTML. */
async function jpegWithComment(comment: string): Promise<Buffer> {
  const jpeg = await smallJpeg();
  const text = Buffer.from(comment, "latin1");
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]), text]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

test("SVG with script, and HTML/JS hidden behind an image signature, are refused and nothing is stored", async ({ baseURL }) => {
  const before = mediaCount();
  for (const [label, bytes, type, message] of [
    ["SVG with script", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'), "image/svg+xml", UNSUPPORTED],
    ["SVG claiming to be PNG", Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "image/png", UNSUPPORTED],
    ["HTML after a JPEG header", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>alert(document.cookie)</script></html>")]), "image/jpeg", UNREADABLE],
    ["JavaScript after a GIF header", Buffer.from("GIF89a/*\x00\x00*/=1;alert(document.cookie);//"), "image/gif", UNREADABLE],
    ["a multipart form with a traversal file name", Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="../../x.jpg"\r\nContent-Type: image/jpeg\r\n\r\nxx\r\n--b--\r\n'), "multipart/form-data; boundary=b", UNSUPPORTED],
  ] as const) {
    const response = await upload(bytes, type, baseURL!);
    expect(response.status(), label).toBe(415);
    expect(((await response.json()) as { message: string }).message, label).toBe(message);
  }
  expect(mediaCount()).toBe(before);
});

test("a real image carrying HTML is re-encoded: what is served is a JPEG without the payload, nosniff", async ({ baseURL }) => {
  const polyglot = await jpegWithComment('<html><script>alert(document.cookie)</script></html>');
  expect(polyglot.includes(Buffer.from("<script>"))).toBe(true);
  const response = await upload(polyglot, "image/jpeg", baseURL!);
  expect(response.status()).toBe(201);
  const { photo } = (await response.json()) as { photo: { fileKey: string } };
  const served = await drafter.get(`/media/${photo.fileKey}/640.jpg`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/jpeg");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  const bytes = await served.body();
  expect(bytes.includes(Buffer.from("<script>"))).toBe(false);
  expect((await sharp(bytes).metadata()).format).toBe("jpeg");
});

test("EXIF and GPS are gone from every size that is served", async ({ baseURL }) => {
  const withGps = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#557711" } })
    .withExif({ IFD0: { Make: "SpyCam", Copyright: "Secret Person" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 54/1 0/1" } })
    .jpeg()
    .toBuffer();
  expect((await sharp(withGps).metadata()).exif).toBeDefined();
  const response = await upload(withGps, "image/jpeg", baseURL!);
  expect(response.status()).toBe(201);
  const { photo } = (await response.json()) as { photo: { fileKey: string } };
  for (const file of ["320.jpg", "640.webp", "640.jpg"]) {
    const served = await drafter.get(`/media/${photo.fileKey}/${file}`);
    expect(served.status(), file).toBe(200);
    const bytes = await served.body();
    expect((await sharp(bytes).metadata()).exif, file).toBeUndefined();
    expect(bytes.includes(Buffer.from("SpyCam")), file).toBe(false);
    expect(bytes.includes(Buffer.from("Secret Person")), file).toBe(false);
  }
});

test("a small file with huge dimensions (pixel bomb) is refused before decoding", async ({ baseURL }) => {
  const bomb = await sharp({ create: { width: 9000, height: 9000, channels: 3, background: "#fff" }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer();
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
  const before = mediaCount();
  const response = await upload(bomb, "image/png", baseURL!);
  expect(response.status()).toBe(415);
  expect(((await response.json()) as { message: string }).message).toBe("The image is too large in pixels (at most 50 megapixels).");
  expect(mediaCount()).toBe(before);
});

test("over 20 MB is refused, declared or streamed without a length", async ({ baseURL }) => {
  const before = mediaCount();
  const declared = await upload(Buffer.alloc(21 * 1024 * 1024, 0xff), "image/jpeg", baseURL!);
  expect(declared.status()).toBe(413);
  expect(((await declared.json()) as { message: string }).message).toBe("The file is larger than 20 MB.");

  // Chunked, no Content-Length: the server must stop reading and answer 413 on its own.
  const cookie = (await drafter.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const url = new URL("/api/media?alt=a&caption=c&credit=c", baseURL);
  const streamed = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    const req = http.request(url, { method: "POST", headers: { Cookie: cookie, Origin: baseURL!, "Content-Type": "image/jpeg", "Transfer-Encoding": "chunked" } }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(256 * 1024, 0xff);
    const pump = () => {
      while (sent < 40 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body)).toEqual({ message: "The file is larger than 20 MB." });
  expect(mediaCount()).toBe(before);
});

test("served paths with traversal, NUL bytes or odd names are plain 404s", async ({ request }) => {
  const key = withDb((db) => db.prepare("select file_key from media m join publication_media pm on pm.media_id = m.id limit 1").pluck().get()) as string;
  expect((await request.get(`/media/${key}/640.jpg`)).status()).toBe(200); // control: a live photo is served
  for (const path of [
    `/media/..%2F..%2F..%2Fetc%2Fpasswd/640.jpg`,
    `/media/${key}/..%2F..%2Fmasthead.db`,
    `/media/${key}%00/640.jpg`,
    `/media/${key}/640.jpg%00.html`,
    `/media/${key}/640.svg`,
    `/media/${key}/641.jpg`,
    `/media/..%5C..%5Cmasthead.db/640.jpg`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"] ?? "", path).not.toContain("image/");
  }
});
