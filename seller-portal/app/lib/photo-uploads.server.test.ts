import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

import { describe, expect, it } from "vitest";

import { photosForm, UnreadableFormError, withUploadedPhotos, type ReceivedPhoto } from "./photo-uploads.server";

const limits = { maxPhotos: 2, maxPhotoBytes: 1000 };

function post(form: FormData): Request {
  return new Request("http://portal.test/cooperatives/coop_1/produce/new", { method: "POST", body: form });
}

function jpeg(name: string, bytes: number): File {
  return new File([new Uint8Array(bytes).fill(0xff)], name, { type: "image/jpeg" });
}

describe("withUploadedPhotos", () => {
  it("streams the photos to disk and hands over the text fields", async () => {
    const form = new FormData();
    form.append("title", "洛川苹果");
    form.append("photos", jpeg("apple.jpg", 300));
    form.append("photos", jpeg("tree.jpg", 1000));
    form.append("price", "6.5");

    let seen: ReceivedPhoto[] = [];
    const contents = await withUploadedPhotos(post(form), limits, async ({ fields, photos, refusal }) => {
      seen = photos;
      expect(refusal).toBeNull();
      expect(Object.fromEntries(fields)).toEqual({ title: "洛川苹果", price: "6.5" });
      return Promise.all(photos.map((photo) => readFile(photo.path)));
    });

    expect(seen.map(({ filename, contentType, bytes }) => ({ filename, contentType, bytes }))).toEqual([
      { filename: "apple.jpg", contentType: "image/jpeg", bytes: 300 },
      { filename: "tree.jpg", contentType: "image/jpeg", bytes: 1000 },
    ]);
    expect(contents.map((content) => content.length)).toEqual([300, 1000]);
    // The temporary files are gone once the work is done.
    expect(seen.some((photo) => existsSync(photo.path))).toBe(false);
  });

  it("ignores the empty part a file input sends when nothing was chosen", async () => {
    const form = new FormData();
    form.append("photos", new File([], "", { type: "application/octet-stream" }));
    form.append("title", "x");
    const photos = await withUploadedPhotos(post(form), limits, async (received) => received.photos);
    expect(photos).toEqual([]);
  });

  it("refuses a photo over the limit by name, reading the rest of the form", async () => {
    const form = new FormData();
    form.append("photos", jpeg("huge.jpg", 1001));
    form.append("title", "still read");
    const outcome = await withUploadedPhotos(post(form), limits, async ({ fields, photos, refusal }) => ({
      title: fields.get("title"),
      photos: photos.length,
      refusal,
    }));
    expect(outcome).toEqual({ title: "still read", photos: 0, refusal: { reason: "tooLarge", filename: "huge.jpg" } });
  });

  it("refuses more photos than allowed", async () => {
    const form = new FormData();
    for (const name of ["1.jpg", "2.jpg", "3.jpg"]) form.append("photos", jpeg(name, 10));
    const refusal = await withUploadedPhotos(post(form), limits, async (received) => received.refusal);
    expect(refusal).toEqual({ reason: "tooMany" });
  });

  it("will not read a form that is not multipart", async () => {
    const request = new Request("http://portal.test/x", { method: "POST", body: "title=x" });
    await expect(withUploadedPhotos(request, limits, async () => null)).rejects.toBeInstanceOf(UnreadableFormError);
  });
});

describe("photosForm", () => {
  it("sends each received photo under its own name in the field `photos`", async () => {
    const form = new FormData();
    form.append("photos", jpeg("apple.jpg", 42));
    const sent = await withUploadedPhotos(post(form), limits, async ({ photos }) => {
      const outgoing = await photosForm(photos);
      const [file] = outgoing.getAll("photos");
      return file instanceof Blob ? { name: (file as File).name, size: file.size, type: file.type } : null;
    });
    expect(sent).toEqual({ name: "apple.jpg", size: 42, type: "image/jpeg" });
  });
});
