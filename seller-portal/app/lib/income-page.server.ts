import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";

import { isBackendError } from "./backend.server";
import { incomeApi, type IncomeReport, type IncomeSubject } from "./income-api.server";
import { chinaToday, filtersFrom, hrefWith, presetLinks, type IncomeFilters } from "./income-filters";
import { storeAreas } from "./medusa.server";
import type { MemberRole, PortalMe } from "./portal-members";
import { asMember } from "./session.server";

/** The roles that see an area's income (the backend checks them again on every call). */
export const AREA_INCOME_ROLES: readonly MemberRole[] = ["official", "secretary", "committee"];

export type IncomePageData = {
  report: IncomeReport | null;
  error: string | null;
  filters: IncomeFilters;
  presets: ReturnType<typeof presetLinks>;
  csvHref: string;
};

/**
 * A dashboard's data: the report for the filters in the URL. A filter the backend refuses (a period
 * that ends before it starts…) comes back as its message, shown above the form; a subject that is not
 * the member's is the portal's 404, like one that does not exist.
 */
export async function loadIncomePage(request: Request, subject: IncomeSubject, path: string): Promise<IncomePageData> {
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  let report: IncomeReport | null = null;
  let error: string | null = null;
  try {
    report = await asMember(request, (access) => incomeApi.getReport(access, subject, url.searchParams));
  } catch (failure) {
    if (isBackendError(failure, 404)) throw new Response("Not Found", { status: 404 });
    if (!isBackendError(failure, 400)) throw failure;
    error = failure.message;
  }
  // The area dashboard without an area shows the member's first; its CSV names it.
  const shownArea = report?.scope.kind === "area" ? report.scope.code : null;
  const area = subject.kind === "area" ? (filters.area ?? shownArea) : null;
  return {
    report,
    error,
    filters: { ...filters, area },
    presets: presetLinks(path, { ...filters, area }, chinaToday()),
    csvHref: hrefWith(`${path}.csv`, { ...filters, area }),
  };
}

/** The areas an official, secretary or committee member may pick: their own, and the level below each. */
export async function incomeAreaOptions(request: Request, me: PortalMe, current: { code: string; name: string } | null) {
  const scopes = [
    ...me.areas.filter((area) => area.roles.some((role) => AREA_INCOME_ROLES.includes(role))),
    ...me.villages.filter((village) => village.roles.some((role) => AREA_INCOME_ROLES.includes(role))),
  ].map((scope) => ({ code: scope.code, name: scope.name }));
  const locale = localeFromRequest(request);
  const below = await Promise.all(
    scopes.filter((scope) => scope.code.length < 12).map(async (scope) => (await storeAreas.findArea(scope.code, locale))?.children ?? []),
  );
  const options = new Map<string, { code: string; name: string }>();
  for (const scope of scopes) options.set(scope.code, scope);
  for (const child of below.flat()) options.set(child.code, { code: child.code, name: `· ${child.name}` });
  if (current && !options.has(current.code)) options.set(current.code, current);
  return { scopes, options: [...options.values()] };
}

/** The CSV from the backend, or the backend's 400 message as plain text; 404 like the page. */
export async function incomeCsv(request: Request, subject: IncomeSubject): Promise<Response> {
  const url = new URL(request.url);
  try {
    return await asMember(request, (access) => incomeApi.getCsv(access, subject, url.searchParams));
  } catch (failure) {
    if (isBackendError(failure, 404)) throw new Response("Not Found", { status: 404 });
    if (isBackendError(failure, 400)) {
      return new Response(failure.message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    throw failure;
  }
}
