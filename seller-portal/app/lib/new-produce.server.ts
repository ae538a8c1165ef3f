import type { Locale } from "@tianyuan/web-common/locale.ts";
import { fallbackVariant, webpAtLeast } from "@tianyuan/web-common/photos.ts";

import { translations } from "../i18n/translations.server";
import { isBackendError, notFoundWhenMissing } from "./backend.server";
import type { NewProduce } from "./cooperative-api.server";
import type { KeptPhoto, Produce, UploadedPhoto } from "./cooperative-produce";
import { backendFailure, readForm, type FormFailure } from "./forms.server";
import { cooperativeApi } from "./medusa.server";
import {
  photosForm,
  UnreadableFormError,
  withUploadedPhotos,
  type PhotoRefusal,
  type ReceivedPhoto,
} from "./photo-uploads.server";
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  newProduceEcho,
  newProduceFieldForBackendCode,
  newProduceFormSchema,
  readKeptPhotos,
  toNewProduce,
  type NewProduceField,
} from "./produce-forms.server";
import { asMember } from "./session.server";

/** What a failed listing sends back: the typed values, the errors, and every photo already stored. */
export type NewProduceFailure = FormFailure<NewProduceField> & { photos: KeptPhoto[] };

export type NewProduceOutcome =
  | { ok: true; produce: Produce }
  | { ok: false; status: number; failure: NewProduceFailure };

/** The 320 px variant a list row and the form show of a stored photo. */
export function keptPhoto(photo: UploadedPhoto): KeptPhoto {
  return { id: photo.id, previewUrl: (webpAtLeast(photo, 320) ?? fallbackVariant(photo))?.url ?? null };
}

function refusalMessage(refusal: PhotoRefusal, locale: Locale): string {
  const texts = translations[locale].newProduce;
  return refusal.reason === "tooMany" ? texts.photosTooMany : texts.photoTooLarge.replace("{{name}}", refusal.filename);
}

/**
 * One listing, from the received form: photos sent with the form are stored first — even when a
 * field is wrong, so that the page explaining it keeps them as ids and they are not uploaded again —
 * then the produce is created with every stored photo.
 */
export async function submitNewProduce(
  form: { fields: FormData; photos: readonly ReceivedPhoto[]; refusal: PhotoRefusal | null },
  {
    farmerRequired,
    locale,
    uploadPhotos,
    createProduce,
  }: {
    farmerRequired: boolean;
    locale: Locale;
    uploadPhotos: (photos: readonly ReceivedPhoto[]) => Promise<UploadedPhoto[]>;
    createProduce: (body: NewProduce) => Promise<Produce>;
  },
): Promise<NewProduceOutcome> {
  const kept = readKeptPhotos(form.fields);
  const submission = readForm(newProduceFormSchema({ farmerRequired }), form.fields, locale, newProduceEcho);
  const values = submission.ok ? submission.values : submission.failure.values;
  const fail = (status: number, failure: FormFailure<NewProduceField>, photos: KeptPhoto[]): NewProduceOutcome => ({
    ok: false,
    status,
    failure: { ...failure, photos },
  });

  if (form.refusal) {
    const fieldErrors = submission.ok ? {} : submission.failure.fieldErrors;
    return fail(400, { values, fieldErrors: { ...fieldErrors, photos: refusalMessage(form.refusal, locale) }, formError: null }, kept);
  }
  if (kept.length + form.photos.length > MAX_PHOTOS) {
    const fieldErrors = submission.ok ? {} : submission.failure.fieldErrors;
    return fail(400, { values, fieldErrors: { ...fieldErrors, photos: refusalMessage({ reason: "tooMany" }, locale) }, formError: null }, kept);
  }

  let photos = kept;
  if (form.photos.length > 0) {
    try {
      photos = [...kept, ...(await uploadPhotos(form.photos)).map(keptPhoto)];
    } catch (error) {
      // Not a photo, damaged, HEIC… : the media pipeline says which, in the member's language.
      if (!isBackendError(error) || error.status >= 500) throw error;
      const fieldErrors = submission.ok ? {} : submission.failure.fieldErrors;
      return fail(error.status, { values, fieldErrors: { ...fieldErrors, photos: error.message }, formError: null }, kept);
    }
  }

  if (!submission.ok) return fail(400, submission.failure, photos);
  try {
    return { ok: true, produce: await createProduce(toNewProduce(submission.data, photos.map((photo) => photo.id))) };
  } catch (error) {
    if (!isBackendError(error) || error.status >= 500) throw error;
    return fail(error.status, backendFailure<NewProduceField>(error, values, newProduceFieldForBackendCode), photos);
  }
}

/** The listing form's action: whose produce it may be, the form and its photos, then the listing. */
export async function listNewProduce(request: Request, cooperativeId: string, locale: Locale): Promise<NewProduceOutcome> {
  const standing = await notFoundWhenMissing(
    asMember(request, (access) => cooperativeApi.getStanding(access, cooperativeId)),
  );
  const farmerRequired = standing.acting_as !== "farmer" && standing.farmers.length > 1;
  try {
    return await withUploadedPhotos(request, { maxPhotos: MAX_PHOTOS, maxPhotoBytes: MAX_PHOTO_BYTES }, (form) =>
      submitNewProduce(form, {
        farmerRequired,
        locale,
        uploadPhotos: (photos) =>
          asMember(request, async (access) => cooperativeApi.uploadPhotos(access, { body: await photosForm(photos) })),
        createProduce: (body) => asMember(request, (access) => cooperativeApi.createProduce(access, cooperativeId, body)),
      }),
    );
  } catch (error) {
    if (error instanceof UnreadableFormError) throw new Response("Bad Request", { status: 400 });
    throw error;
  }
}
