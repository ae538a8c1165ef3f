import { z } from "zod";

// The store API's admin areas (docs/api/villages-and-members.md): GB/T 2260 / statistical codes,
// province 2 digits, city 4, county 6, town 9, village 12. Both apps browse them.

export const areaLevels = ["province", "city", "county", "town", "village"] as const;
export type AreaLevel = (typeof areaLevels)[number];

const areaLevelSchema = z.enum(areaLevels);

export const areaParentSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: areaLevelSchema,
});
export type AreaParent = z.infer<typeof areaParentSchema>;

export const areaSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: areaLevelSchema,
  // Counted in SQL, which may hand a bigint over as a string.
  active_village_count: z.coerce.number().int().nonnegative(),
  village: z
    .object({ handle: z.string(), name: z.string() })
    .nullish()
    .transform((village) => village ?? null),
});
export type AreaSummary = z.infer<typeof areaSummarySchema>;

/** `GET /store/areas`: the provinces. */
export const provincesResponseSchema = z.object({ areas: z.array(areaSummarySchema) });

/** `GET /store/areas/:code`: one area with its parents and the next level down. */
export const areaResponseSchema = z.object({
  area: areaSummarySchema.extend({ parents: z.array(areaParentSchema) }),
  children: z.array(areaSummarySchema),
});
export type AreaWithChildren = z.infer<typeof areaResponseSchema>;

/** A village-level area that is open on the platform, so it has a public page. */
export type ActiveVillageArea = AreaSummary & { village: { handle: string; name: string } };

export function isActiveVillage(area: AreaSummary): area is ActiveVillageArea {
  return area.level === "village" && area.village !== null;
}

export type AreaCrumb = AreaParent & { current: boolean };

/**
 * The breadcrumb from the province down to `area`, the area itself last and marked current.
 * Parents are put in order by code length, so an unsorted answer still reads province → town.
 */
export function areaTrail(area: AreaParent & { parents: readonly AreaParent[] }): AreaCrumb[] {
  const parents = [...area.parents]
    .filter((parent) => parent.code !== area.code)
    .sort((a, b) => a.code.length - b.code.length);
  return [
    ...parents.map((parent) => ({ code: parent.code, name: parent.name, level: parent.level, current: false })),
    { code: area.code, name: area.name, level: area.level, current: true },
  ];
}

/** The parents alone, province first, for a page about something inside the last one (a village page). */
export function parentTrail(parents: readonly AreaParent[]): AreaCrumb[] {
  return [...parents]
    .sort((a, b) => a.code.length - b.code.length)
    .map((parent) => ({ code: parent.code, name: parent.name, level: parent.level, current: false }));
}
