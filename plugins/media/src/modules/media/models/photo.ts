import { model } from "@medusajs/framework/utils"

/**
 * A photo a member sent, as the pipeline stored it: re-encoded variants without metadata, and a
 * placeholder. The upload itself is never kept. Variants are immutable files, so they live in one
 * JSON column: `[{ width, format: "webp" | "jpeg", url, file_id, bytes }]`.
 */
export const Photo = model
  .define("photo", {
    id: model.id({ prefix: "pho" }).primaryKey(),
    /** The member who uploaded it; only they can attach it to produce or a report. */
    uploaded_by: model.text(),
    /** Of the upload, after EXIF orientation. */
    width: model.number(),
    height: model.number(),
    /** ThumbHash, base64. */
    placeholder: model.text(),
    variants: model.json(),
    source_sha256: model.text(),
    alt: model.text().nullable(),
  })
  .indexes([{ on: ["uploaded_by"] }])
