import type { ActionFunctionArgs } from "@remix-run/node";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { placeholderBackground } from "@tianyuan/web-common/photos.ts";

import { translations } from "../i18n/translations.server";
import { isBackendError } from "../lib/backend.server";
import { cooperativeApi } from "../lib/medusa.server";
import { keptPhoto } from "../lib/new-produce.server";
import type { UploadedPhoto } from "../lib/photo-upload";
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "../lib/produce-forms.server";
import { getMemberToken } from "../lib/session.server";

// The listing form's script uploads each photo here. The member's token stays in the portal's
// session cookie, so the browser cannot call the backend itself: this route streams the multipart
// body on to `POST /portal/media/photos` untouched, with the token, and answers JSON.

const MAX_REQUEST_BYTES = MAX_PHOTOS * MAX_PHOTO_BYTES + 1024 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  const locale = localeFromRequest(request);
  const texts = translations[locale];
  const answer = (status: number, body: { photos: UploadedPhoto[] } | { message: string }) =>
    Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

  if (request.method !== "POST") return answer(405, { message: texts.formErrors.invalid });
  const token = await getMemberToken(request);
  if (!token) return answer(401, { message: texts.newProduce.sessionExpired });
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) {
    return answer(415, { message: texts.formErrors.invalid });
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) {
    return answer(413, { message: texts.newProduce.photosTooMany });
  }

  try {
    const photos = await cooperativeApi.uploadPhotos({ token, locale }, { body: request.body, contentType });
    return answer(201, {
      photos: photos.map((photo) => ({ ...keptPhoto(photo), background: placeholderBackground(photo) })),
    });
  } catch (error) {
    if (isBackendError(error, 401)) return answer(401, { message: texts.newProduce.sessionExpired });
    // Not a photo, too large, HEIC…: the media pipeline's own words, in the member's language.
    if (isBackendError(error) && error.status < 500) return answer(error.status, { message: error.message });
    // The backend is down (a 503 Response): the photo can be tried again.
    if (error instanceof Response) return answer(503, { message: texts.newProduce.uploadFailed });
    throw error;
  }
}

/** Nothing to see here: the route only takes uploads. */
export function loader() {
  throw new Response("Not Found", { status: 404 });
}
