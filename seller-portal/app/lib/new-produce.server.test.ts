import { describe, expect, it, vi } from "vitest";

import { BackendError } from "./backend.server";
import type { NewProduce } from "./cooperative-api.server";
import type { Produce, UploadedPhoto } from "./cooperative-produce";
import { keptPhoto, submitNewProduce } from "./new-produce.server";
import type { ReceivedPhoto } from "./photo-uploads.server";

function fields(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

const listing = { title: "洛川苹果", unit: "jin", price: "6.5", stock: "120" };
const received: ReceivedPhoto[] = [{ path: "/tmp/photo-1", filename: "apple.jpg", contentType: "image/jpeg", bytes: 9 }];

const stored = (id: string): UploadedPhoto => ({
  id,
  width: 1600,
  height: 1200,
  placeholder: null,
  placeholder_data_url: null,
  variants: [
    { width: 320, format: "webp", url: `http://backend.test/${id}-320.webp` },
    { width: 1280, format: "jpeg", url: `http://backend.test/${id}.jpg` },
  ],
});

function steps({ uploadFails, createFails }: { uploadFails?: BackendError; createFails?: BackendError } = {}) {
  const created: NewProduce[] = [];
  return {
    created,
    uploadPhotos: vi.fn(async (photos: readonly ReceivedPhoto[]) => {
      if (uploadFails) throw uploadFails;
      return photos.map((_, index) => stored(`photo_new${index + 1}`));
    }),
    createProduce: vi.fn(async (body: NewProduce) => {
      if (createFails) throw createFails;
      created.push(body);
      return { id: "prod_1", title: body.title } as Produce;
    }),
  };
}

describe("submitNewProduce", () => {
  it("stores the photos sent with the form, then lists the produce with them after those kept before", async () => {
    const work = steps();
    const outcome = await submitNewProduce(
      { fields: fields({ ...listing, photo_ids: "photo_old", photo_previews: "" }), photos: received, refusal: null },
      { farmerRequired: false, locale: "zh-CN", ...work },
    );
    expect(outcome).toMatchObject({ ok: true, produce: { id: "prod_1" } });
    expect(work.created[0]?.photo_ids).toEqual(["photo_old", "photo_new1"]);
  });

  it("keeps the photos it stored when a field is wrong, so they are not uploaded again", async () => {
    const work = steps();
    const outcome = await submitNewProduce(
      { fields: fields({ ...listing, price: "" }), photos: received, refusal: null },
      { farmerRequired: false, locale: "zh-CN", ...work },
    );
    expect(work.uploadPhotos).toHaveBeenCalledOnce();
    expect(work.createProduce).not.toHaveBeenCalled();
    expect(outcome).toEqual({
      ok: false,
      status: 400,
      failure: {
        values: { title: "洛川苹果", unit: "jin", price: "", stock: "120" },
        fieldErrors: { price: "价格要大于 0 元、不超过 10 万元，最多两位小数。" },
        formError: null,
        photos: [{ id: "photo_new1", previewUrl: "http://backend.test/photo_new1-320.webp" }],
      },
    });
  });

  it("puts the media pipeline's refusal beside the photos, keeping earlier photos", async () => {
    const work = steps({ uploadFails: new BackendError(400, "heic_not_supported", "“a.heic”是 HEIC 格式") });
    const outcome = await submitNewProduce(
      { fields: fields({ ...listing, photo_ids: "photo_old" }), photos: received, refusal: null },
      { farmerRequired: false, locale: "zh-CN", ...work },
    );
    expect(outcome.ok ? null : outcome.failure).toMatchObject({
      fieldErrors: { photos: "“a.heic”是 HEIC 格式" },
      photos: [{ id: "photo_old" }],
    });
  });

  it("names a photo over the size limit without uploading anything", async () => {
    const work = steps();
    const outcome = await submitNewProduce(
      { fields: fields(listing), photos: [], refusal: { reason: "tooLarge", filename: "huge.jpg" } },
      { farmerRequired: false, locale: "en", ...work },
    );
    expect(work.uploadPhotos).not.toHaveBeenCalled();
    expect(outcome.ok ? null : outcome.failure.fieldErrors.photos).toBe(
      "“huge.jpg” is larger than 15 MB. Choose another or compress it first.",
    );
  });

  it("refuses more than eight photos counting those kept", async () => {
    const work = steps();
    const kept = Array.from({ length: 8 }, (_, index) => `photo_${index}`);
    const outcome = await submitNewProduce(
      { fields: fields({ ...listing, photo_ids: kept }), photos: received, refusal: null },
      { farmerRequired: false, locale: "zh-CN", ...work },
    );
    expect(work.uploadPhotos).not.toHaveBeenCalled();
    expect(outcome.ok ? null : outcome.failure.fieldErrors.photos).toBe("最多 8 张照片，多出来的没有上传。");
  });

  it("puts a backend refusal beside its field, keeping the stored photos", async () => {
    const work = steps({ createFails: new BackendError(400, "farmer_not_in_cooperative", "这位农户不是本合作社的成员。") });
    const outcome = await submitNewProduce(
      { fields: fields({ ...listing, farmer_member_id: "mem_9" }), photos: received, refusal: null },
      { farmerRequired: true, locale: "zh-CN", ...work },
    );
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      failure: {
        fieldErrors: { farmer_member_id: "这位农户不是本合作社的成员。" },
        photos: [{ id: "photo_new1" }],
      },
    });
  });

  it("lets a backend failure that is not the member's to fix through", async () => {
    const work = steps({ createFails: new BackendError(500, "unknown", "boom") });
    await expect(
      submitNewProduce({ fields: fields(listing), photos: [], refusal: null }, { farmerRequired: false, locale: "zh-CN", ...work }),
    ).rejects.toBeInstanceOf(BackendError);
  });
});

describe("keptPhoto", () => {
  it("shows the 320 webp of a stored photo, or its fallback", () => {
    expect(keptPhoto(stored("p"))).toEqual({ id: "p", previewUrl: "http://backend.test/p-320.webp" });
    expect(keptPhoto({ ...stored("p"), variants: [] })).toEqual({ id: "p", previewUrl: null });
  });
});
