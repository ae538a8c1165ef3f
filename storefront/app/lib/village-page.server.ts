import { parentTrail } from "@tianyuan/web-common/admin-areas.ts";
import { areaParentSchema } from "@tianyuan/web-common/admin-areas.server.ts";
import { z } from "zod";

import type { VillageLocation, VillagePage } from "./village-page";

// Coordinates may come over as strings from a numeric column; an empty or unreadable one means unknown.
const coordinateSchema = z.union([z.number(), z.string(), z.null(), z.undefined()]).transform((value) => {
  if (value === null || value === undefined || value === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
});

/** `GET /store/villages/:handle`. */
export const publicVillageResponseSchema = z.object({
  village: z.object({
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    area_code: z.string(),
    introduction: z
      .string()
      .nullish()
      .transform((text) => text ?? ""),
    photos: z
      .array(z.object({ url: z.string(), alt: z.string().nullish() }))
      .nullish()
      .transform((photos) => photos ?? []),
    latitude: coordinateSchema,
    longitude: coordinateSchema,
    parents: z.array(areaParentSchema),
  }),
});

export type PublicVillage = z.infer<typeof publicVillageResponseSchema>["village"];

export function toVillagePage(village: PublicVillage): VillagePage {
  return {
    name: village.name,
    trail: parentTrail(village.parents),
    paragraphs: introductionParagraphs(village.introduction),
    photos: village.photos.map((photo) => ({ url: photo.url, alt: photo.alt?.trim() || null })),
    location: villageLocation(village.latitude, village.longitude),
  };
}

/** The introduction is plain text: every line break starts a paragraph, blank lines are dropped. */
export function introductionParagraphs(introduction: string): string[] {
  return introduction
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const MAP_ZOOM = 14;

export function villageLocation(latitude: number | null, longitude: number | null): VillageLocation | null {
  if (latitude === null || longitude === null) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  const mapUrl = new URL("https://www.openstreetmap.org/");
  mapUrl.searchParams.set("mlat", String(latitude));
  mapUrl.searchParams.set("mlon", String(longitude));
  mapUrl.hash = `map=${MAP_ZOOM}/${latitude}/${longitude}`;
  return { latitude, longitude, mapUrl: mapUrl.toString() };
}
