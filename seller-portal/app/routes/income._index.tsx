import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { IncomeDashboard } from "../components/income-dashboard";
import { BREAKDOWNS_FOR, hrefWith } from "../lib/income-filters";
import { incomeAreaOptions, loadIncomePage } from "../lib/income-page.server";
import { requireMember } from "../lib/session.server";
import incomeStylesUrl from "../styles/income.css?url";
import type { loader as rootLoader } from "../root";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: incomeStylesUrl }];

/**
 * An area's produce income for officials, secretaries and committee members: a village, or every
 * village of a town, county or province their roles cover (`?area=`; their own area without it).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireMember(request);
  const page = await loadIncomePage(request, { kind: "area" }, "/income");
  const current = page.report?.scope.kind === "area" ? { code: page.report.scope.code, name: page.report.scope.name } : null;
  const { scopes, options } = await incomeAreaOptions(request, me, current);
  if (scopes.length === 0) throw new Response("Not Found", { status: 404 });
  return { ...page, areaOptions: options, areaName: current?.name ?? scopes[0].name };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.income.titleArea.replace("{{area}}", data.areaName)} · ${translation.app.name}` }];
};

export default function AreaIncomePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <IncomeDashboard
      title={t("income.titleArea", { area: data.areaName })}
      report={data.report}
      error={data.error}
      filters={data.filters}
      areaOptions={data.areaOptions}
      breakdowns={BREAKDOWNS_FOR.area}
      presets={data.presets}
      csvHref={data.csvHref}
      villageHref={(code) => hrefWith("/income", { ...data.filters, area: code, breakdown: "produce" })}
    />
  );
}
