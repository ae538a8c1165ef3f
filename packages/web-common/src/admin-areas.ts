// The store API's admin areas (docs/api/villages-and-members.md): GB/T 2260 / statistical codes,
// province 2 digits, city 4, county 6, town 9, village 12. Both apps browse them. No zod here:
// pages use these in the browser too; the answers are checked in admin-areas.server.ts.

export const areaLevels = ["province", "city", "county", "town", "village"] as const;
export type AreaLevel = (typeof areaLevels)[number];

export type AreaParent = { code: string; name: string; level: AreaLevel };

export type AreaSummary = AreaParent & {
  /** Villages under this area that are open on the platform. */
  active_village_count: number;
  /** Set only for a village-level area that is an active village. */
  village: { handle: string; name: string } | null;
};

export type AreaWithChildren = {
  area: AreaSummary & { parents: AreaParent[] };
  /** The next level down, sorted by code. */
  children: AreaSummary[];
};

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
  return [
    ...parentTrail(area.parents.filter((parent) => parent.code !== area.code)),
    { code: area.code, name: area.name, level: area.level, current: true },
  ];
}

/** The parents alone, province first, for a page about something inside the last one (a village page). */
export function parentTrail(parents: readonly AreaParent[]): AreaCrumb[] {
  return [...parents]
    .sort((a, b) => a.code.length - b.code.length)
    .map((parent) => ({ code: parent.code, name: parent.name, level: parent.level, current: false }));
}
