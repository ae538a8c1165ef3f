import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { IncomeDashboard } from "../components/income-dashboard";
import { BREAKDOWNS_FOR } from "../lib/income-filters";
import { loadIncomePage } from "../lib/income-page.server";
import incomeStylesUrl from "../styles/income.css?url";
import type { loader as rootLoader } from "../root";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: incomeStylesUrl }];

/** A farmer's own income, from every cooperative that sold their produce. */
export async function loader({ request }: LoaderFunctionArgs) {
  return loadIncomePage(request, { kind: "me" }, "/me/income");
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation) return [];
  return [{ title: `${translation.income.titleMine} · ${translation.app.name}` }];
};

export default function MyIncomePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <IncomeDashboard
      title={t("income.titleMine")}
      report={data.report}
      error={data.error}
      filters={data.filters}
      areaOptions={null}
      breakdowns={BREAKDOWNS_FOR.me}
      presets={data.presets}
      csvHref={data.csvHref}
    />
  );
}
