// In the browser, with JavaScript: each chosen photo is made small before it leaves the phone (a
// 12 MP photo of 4 MB becomes ~300 KB at 1600 px), then uploaded on its own so each has a progress
// bar. No library: createImageBitmap, a canvas and XMLHttpRequest (fetch reports no upload progress).

/** The longest side after resizing: sharper than the 1280 px the pipeline keeps, at a fraction of the bytes. */
export const MAX_EDGE = 1600;
export const JPEG_QUALITY = 0.85;

/** The size that fits `maxEdge` on the longer side, keeping the proportions; never larger than it was. */
export function scaledSize(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** "IMG_2041.HEIC" → "IMG_2041.jpg": the name the resized JPEG is uploaded under. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, "") || "photo";
  return `${base}.jpg`;
}

/**
 * The photo as a JPEG of at most MAX_EDGE pixels, turned upright as the camera recorded it. Location
 * and other metadata are left behind with the original. A photo this browser cannot decode (HEIC on
 * most Androids) is sent as it is, for the backend to judge.
 */
export async function resizePhoto(file: File): Promise<File> {
  if (typeof createImageBitmap !== "function") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height, MAX_EDGE);
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) return file;
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY));
    return blob ? new File([blob], jpegName(file.name), { type: "image/jpeg" }) : file;
  } finally {
    bitmap.close();
  }
}

/** A stored photo as the portal's upload route answers it. */
export type UploadedPhoto = { id: string; previewUrl: string | null; background: string };

export class PhotoUploadError extends Error {
  override name = "PhotoUploadError";

  /** `status` 0: no answer at all (the connection dropped). */
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Uploads one photo in the field `photos`, reporting progress from 0 to 1. */
export function uploadPhoto(url: string, photo: File, onProgress: (fraction: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("photos", photo, photo.name);
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const answer = request.response as { photos?: UploadedPhoto[]; message?: string } | null;
      const [uploaded] = answer?.photos ?? [];
      if (request.status === 201 && uploaded) resolve(uploaded);
      else reject(new PhotoUploadError(request.status, answer?.message ?? ""));
    };
    request.onerror = () => reject(new PhotoUploadError(0, ""));
    request.send(form);
  });
}
