import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";

import type { KeptPhoto } from "../lib/cooperative-produce";
import { PhotoUploadError, resizePhoto, uploadPhoto } from "../lib/photo-upload";

type PickedPhoto = {
  key: string;
  state: "preparing" | "uploading" | "uploaded" | "failed";
  percent: number;
  /** Set once stored: the id goes to the form in a hidden input. */
  id: string | null;
  /** What the page shows: the resized photo itself while it uploads. */
  shownUrl: string | null;
  /** The stored 320 px variant, sent back with the id so a failed form can show the photo again. */
  storedPreviewUrl: string | null;
  message: string | null;
};

const fromKept = (photo: KeptPhoto): PickedPhoto => ({
  key: photo.id,
  state: "uploaded",
  percent: 100,
  id: photo.id,
  shownUrl: photo.previewUrl,
  storedPreviewUrl: photo.previewUrl,
  message: null,
});

let nextKey = 0;

/**
 * The listing form's photos. Without JavaScript it is a plain file input whose files go with the
 * form. With it, each chosen photo is resized and uploaded at once, with its own progress bar, and
 * the form carries only the stored photos' ids. Photos stored by an earlier, failed try (`kept`)
 * come back as hidden ids either way.
 */
export function PhotoPicker({
  uploadUrl,
  kept,
  maxPhotos,
  error,
  onBusyChange,
}: {
  uploadUrl: string;
  kept: readonly KeptPhoto[];
  maxPhotos: number;
  error: string | undefined;
  onBusyChange: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [photos, setPhotos] = useState<PickedPhoto[]>(() => kept.map(fromKept));
  const [tooMany, setTooMany] = useState(false);
  // One upload at a time: on a slow connection, parallel uploads only make every bar crawl.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => setHydrated(true), []);

  // A failed submit sends the stored photos back; those not on the page yet are added.
  useEffect(() => {
    setPhotos((current) => [
      ...current,
      ...kept.filter((photo) => !current.some((shown) => shown.id === photo.id)).map(fromKept),
    ]);
  }, [kept]);

  const busy = photos.some((photo) => photo.state === "preparing" || photo.state === "uploading");
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  const update = (key: string, change: Partial<PickedPhoto>) =>
    setPhotos((current) => current.map((photo) => (photo.key === key ? { ...photo, ...change } : photo)));

  async function send(key: string, file: File) {
    try {
      const resized = await resizePhoto(file);
      update(key, { state: "uploading", shownUrl: URL.createObjectURL(resized) });
      const stored = await uploadPhoto(uploadUrl, resized, (fraction) =>
        update(key, { percent: Math.round(fraction * 100) }),
      );
      update(key, { state: "uploaded", percent: 100, id: stored.id, storedPreviewUrl: stored.previewUrl });
    } catch (failure) {
      let message = t("newProduce.uploadFailed");
      if (failure instanceof PhotoUploadError && failure.status === 401) message = t("newProduce.sessionExpired");
      else if (failure instanceof PhotoUploadError && failure.message) message = failure.message;
      update(key, { state: "failed", message });
    }
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    // The files are on their way already; the form must not carry them a second time.
    input.value = "";
    const room = maxPhotos - photos.filter((photo) => photo.state !== "failed").length;
    const taken = files.slice(0, Math.max(0, room));
    setTooMany(taken.length < files.length);
    const added = taken.map(
      (file): PickedPhoto & { file: File } => ({
        key: `new-${nextKey++}`,
        state: "preparing",
        percent: 0,
        id: null,
        shownUrl: null,
        storedPreviewUrl: null,
        message: null,
        file,
      }),
    );
    setPhotos((current) => [...current, ...added.map(({ file: _file, ...photo }) => photo)]);
    for (const photo of added) queue.current = queue.current.then(() => send(photo.key, photo.file));
  }

  const describedBy = [error ? "field-photos-error" : null, "field-photos-hint"].filter(Boolean).join(" ");
  return (
    <div className={error ? "form-field form-field--invalid" : "form-field"}>
      <label htmlFor="field-photos">{t("newProduce.photos")}</label>
      {photos.length > 0 ? (
        <ul className="photo-list" aria-live="polite">
          {photos.map((photo) => (
            <li key={photo.key} className="photo-list__item">
              {photo.shownUrl ? (
                <img className="photo-list__image" src={photo.shownUrl} alt="" width={96} height={96} />
              ) : (
                <span className="photo-list__image" aria-hidden="true" />
              )}
              <span className="photo-list__status">
                <PhotoStatus photo={photo} />
                {photo.state === "preparing" || photo.state === "uploading" ? (
                  <progress max={100} value={photo.percent} />
                ) : null}
              </span>
              {photo.id ? (
                <>
                  <input type="hidden" name="photo_ids" value={photo.id} />
                  <input type="hidden" name="photo_previews" value={photo.storedPreviewUrl ?? ""} />
                </>
              ) : null}
              {/* Removing needs JavaScript; without it the button would do nothing, so it is not shown. */}
              {hydrated ? (
                <button
                  type="button"
                  className="button button--secondary photo-list__remove"
                  onClick={() => setPhotos((current) => current.filter((shown) => shown.key !== photo.key))}
                >
                  {t("newProduce.removePhoto")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id="field-photos"
        className="photo-picker__input"
        type="file"
        name="photos"
        accept="image/*"
        multiple
        onChange={choose}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p id="field-photos-error" className="form-field__error">
          {error}
        </p>
      ) : null}
      {tooMany ? <p className="form-field__error">{t("newProduce.photosTooMany")}</p> : null}
      <p id="field-photos-hint" className="form-field__hint">
        {t("newProduce.photosHint")}
      </p>
    </div>
  );
}

function PhotoStatus({ photo }: { photo: PickedPhoto }) {
  const { t } = useTranslation();
  switch (photo.state) {
    case "preparing":
      return <>{t("newProduce.photoPreparing")}</>;
    case "uploading":
      return <>{t("newProduce.photoUploading", { percent: photo.percent })}</>;
    case "uploaded":
      return <>{t("newProduce.photoUploaded")}</>;
    case "failed":
      return <span className="form-field__error">{t("newProduce.photoFailed", { message: photo.message })}</span>;
  }
}
