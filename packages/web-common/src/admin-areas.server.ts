import { z } from "zod";

import { areaLevels, type AreaParent, type AreaSummary, type AreaWithChildren } from "./admin-areas.ts";

// Checks the store API's answers against the contract before a page relies on them.

export const areaParentSchema: z.ZodType<AreaParent> = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(areaLevels),
});

const areaSummaryShape = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(areaLevels),
  // Counted in SQL, which may hand a bigint over as a string.
  active_village_count: z.coerce.number().int().nonnegative(),
  village: z
    .object({ handle: z.string(), name: z.string() })
    .nullish()
    .transform((village) => village ?? null),
});

export const areaSummarySchema: z.ZodType<AreaSummary> = areaSummaryShape;

/** `GET /store/areas`: the provinces. */
export const provincesResponseSchema: z.ZodType<{ areas: AreaSummary[] }> = z.object({
  areas: z.array(areaSummaryShape),
});

/** `GET /store/areas/:code`: one area with its parents and the next level down. */
export const areaResponseSchema: z.ZodType<AreaWithChildren> = z.object({
  area: areaSummaryShape.extend({ parents: z.array(areaParentSchema) }),
  children: z.array(areaSummaryShape),
});
