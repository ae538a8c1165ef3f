import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { IncomeDashboard } from "../components/income-dashboard";
import { BREAKDOWNS_FOR } from "../lib/income-filters";
import { loadIncomePage } from "../lib/income-page.server";
import incomeStylesUrl from "../styles/income.css?url";
import type { loader as rootLoader } from "../root";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: incomeStylesUrl }];

/** A cooperative's income, for its managers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const page = await loadIncomePage(request, { kind: "cooperative", id }, `/cooperatives/${encodeURIComponent(id)}/income`);
  return { ...page, cooperativeName: page.report?.scope.name ?? "" };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.income.titleCooperative.replace("{{cooperative}}", data.cooperativeName)} · ${translation.app.name}` }];
};

export default function CooperativeIncomePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <IncomeDashboard
      title={t("income.titleCooperative", { cooperative: data.cooperativeName })}
      report={data.report}
      error={data.error}
      filters={data.filters}
      areaOptions={null}
      breakdowns={BREAKDOWNS_FOR.cooperative}
      presets={data.presets}
      csvHref={data.csvHref}
    />
  );
}
