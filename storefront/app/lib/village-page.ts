import type { AreaCrumb } from "@tianyuan/web-common/admin-areas.ts";

export type VillageLocation = {
  latitude: number;
  longitude: number;
  /** An OpenStreetMap page centred on the village: a plain link, no map script on our page. */
  mapUrl: string;
};

/** What the village page shows, and nothing more: this travels to the browser. */
export type VillagePage = {
  name: string;
  trail: AreaCrumb[];
  paragraphs: string[];
  photos: { url: string; alt: string | null }[];
  location: VillageLocation | null;
};

export type CoordinateText = { key: "north" | "south" | "east" | "west"; value: string };

/** Degrees to five decimals (about a metre) with the hemisphere, for "北纬 30.27410°" / "30.27410° N". */
export function describeCoordinates(location: Pick<VillageLocation, "latitude" | "longitude">): {
  latitude: CoordinateText;
  longitude: CoordinateText;
} {
  return {
    latitude: { key: location.latitude < 0 ? "south" : "north", value: Math.abs(location.latitude).toFixed(5) },
    longitude: { key: location.longitude < 0 ? "west" : "east", value: Math.abs(location.longitude).toFixed(5) },
  };
}
