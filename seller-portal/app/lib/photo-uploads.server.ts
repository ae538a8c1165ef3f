import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { openAsBlob } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";

import {
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

// The listing form without JavaScript: the browser posts the photos themselves with the fields. They
// are streamed to a temporary directory (never held in memory), then sent on to the media pipeline.

/** A photo the form carried, on disk until it has been sent on. */
export type ReceivedPhoto = { path: string; filename: string; contentType: string; bytes: number };

/** Why the photos of a form were not taken: too many, or one too large (named by its file name). */
export type PhotoRefusal = { reason: "tooMany" } | { reason: "tooLarge"; filename: string };

export type PhotoLimits = { maxPhotos: number; maxPhotoBytes: number; maxFieldBytes?: number };

const DEFAULT_MAX_FIELD_BYTES = 64 * 1024;

/** The form could not be read at all: not multipart, or far larger than any honest listing. */
export class UnreadableFormError extends Error {
  override name = "UnreadableFormError";
}

/**
 * An upload handler for `photos` file fields; every other part is a text field. Limits never cut the
 * request short: the rest is read and dropped, so the browser gets the page that explains, not a
 * reset connection.
 */
export function createPhotoUploadHandler(directory: string, { maxPhotos, maxPhotoBytes, maxFieldBytes }: PhotoLimits) {
  const photos: ReceivedPhoto[] = [];
  let refusal: PhotoRefusal | null = null;
  const fieldLimit = maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  // All of it together: the photos at their limit, the fields, and the multipart framing.
  const requestLimit = maxPhotos * maxPhotoBytes + 1024 * 1024;
  let received = 0;

  const count = (chunk: Uint8Array) => {
    received += chunk.byteLength;
    if (received > requestLimit) throw new UnreadableFormError("The form is larger than any listing can be");
  };

  const drain = async (data: AsyncIterable<Uint8Array>) => {
    for await (const chunk of data) count(chunk);
  };

  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (filename === undefined) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        count(chunk);
        size += chunk.byteLength;
        if (size > fieldLimit) throw new UnreadableFormError(`The field ${name} is too long`);
        chunks.push(chunk);
      }
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    // An empty file input still sends a part, without a name; files in other fields are not ours.
    if (name !== "photos" || filename === "") {
      await drain(data);
      return undefined;
    }
    if (photos.length >= maxPhotos) {
      refusal ??= { reason: "tooMany" };
      await drain(data);
      return undefined;
    }

    const filePath = path.join(directory, `photo-${photos.length + 1}`);
    const file = createWriteStream(filePath);
    let bytes = 0;
    let tooLarge = false;
    try {
      for await (const chunk of data) {
        count(chunk);
        bytes += chunk.byteLength;
        if (bytes > maxPhotoBytes) tooLarge = true;
        if (!tooLarge && !file.write(chunk)) await once(file, "drain");
      }
    } finally {
      file.end();
      await once(file, "close");
    }
    if (tooLarge) {
      refusal ??= { reason: "tooLarge", filename };
      await rm(filePath, { force: true });
      return undefined;
    }
    // An empty file in the field (a browser's "no file" with a name) is no photo.
    if (bytes === 0) return undefined;
    photos.push({ path: filePath, filename, contentType: contentType || "application/octet-stream", bytes });
    return undefined;
  };

  return { handler, photos, refusal: () => refusal };
}

/**
 * Reads a listing form: its text fields, and its photos in a temporary directory that `work` may use
 * and that is removed afterwards, whatever happens.
 */
export async function withUploadedPhotos<T>(
  request: Request,
  limits: PhotoLimits,
  work: (form: { fields: FormData; photos: ReceivedPhoto[]; refusal: PhotoRefusal | null }) => Promise<T>,
): Promise<T> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "tianyuan-portal-photos-"));
  try {
    const upload = createPhotoUploadHandler(directory, limits);
    let fields: FormData;
    try {
      fields = await parseMultipartFormData(request, upload.handler);
    } catch (error) {
      if (error instanceof TypeError) throw new UnreadableFormError("The form is not multipart", { cause: error });
      throw error;
    }
    return await work({ fields, photos: upload.photos, refusal: upload.refusal() });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The received photos as the media route takes them: a multipart form, each file read from disk as it is sent. */
export async function photosForm(photos: readonly ReceivedPhoto[]): Promise<FormData> {
  const form = new FormData();
  for (const photo of photos) {
    form.append("photos", await openAsBlob(photo.path, { type: photo.contentType }), photo.filename);
  }
  return form;
}
