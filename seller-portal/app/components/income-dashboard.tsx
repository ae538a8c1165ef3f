import { Form, Link } from "@remix-run/react";
import type { Locale } from "@tianyuan/web-common/locale.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { FormError } from "./form-field";
import { IncomeBars, IncomeLineChart, type SeriesPoint } from "./income-charts";
import type { Breakdown, IncomeReport } from "../lib/income-api.server";
import type { IncomeFilters } from "../lib/income-filters";

/**
 * One dashboard for every income screen (area, cooperative, farmer): headline numbers against the
 * previous period, a time-series chart, bars of the breakdown and the top produce, and plain tables
 * of the same numbers. The filters are a GET form and the CSV a link, so everything works without
 * JavaScript.
 */
export type IncomeDashboardProps = {
  title: string;
  report: IncomeReport | null;
  error: string | null;
  filters: IncomeFilters;
  areaOptions: { code: string; name: string }[] | null;
  breakdowns: readonly Breakdown[];
  presets: { key: "thisMonth" | "lastMonth" | "thisYear" | "last12Months"; href: string }[];
  csvHref: string;
  /** Where a village row of the breakdown leads (the area dashboard drills down). */
  villageHref?: (code: string) => string;
};

const DATE_ONLY = (day: string, locale: Locale, granularity: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  if (granularity === "month") return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(date);
  return new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", timeZone: "UTC" }).format(date);
};

function compactCny(fen: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", notation: "compact", maximumFractionDigits: 1 }).format(fen / 100);
}

function percent(change: number | null, locale: Locale): string | null {
  if (change === null) return null;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change);
}

export function IncomeDashboard(props: IncomeDashboardProps) {
  const { t } = useTranslation();
  const { report, filters } = props;
  return (
    <div className="income">
      <section className="page-intro">
        <h1>{props.title}</h1>
        <p className="income__intro">{t("income.intro")}</p>
      </section>
      <IncomeFiltersForm {...props} />
      <FormError message={props.error} />
      {report ? <IncomeReportView report={report} filters={filters} csvHref={props.csvHref} villageHref={props.villageHref} /> : null}
    </div>
  );
}

function IncomeFiltersForm({ filters, areaOptions, breakdowns, presets }: IncomeDashboardProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="income-filters" className="income-filters">
      <h2 id="income-filters" className="visually-hidden">
        {t("income.filters.title")}
      </h2>
      <Form method="get" className="income-filters__form">
        {areaOptions ? (
          <label className="income-filters__field">
            <span>{t("income.filters.area")}</span>
            <select name="area" defaultValue={filters.area ?? ""}>
              {areaOptions.map((area) => (
                <option key={area.code} value={area.code}>
                  {area.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="income-filters__field">
          <span>{t("income.filters.from")}</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label className="income-filters__field">
          <span>{t("income.filters.to")}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <label className="income-filters__field">
          <span>{t("income.filters.granularity")}</span>
          <select name="granularity" defaultValue={filters.granularity ?? ""}>
            <option value="">{t("income.filters.auto")}</option>
            <option value="day">{t("income.filters.day")}</option>
            <option value="week">{t("income.filters.week")}</option>
            <option value="month">{t("income.filters.month")}</option>
          </select>
        </label>
        <label className="income-filters__field">
          <span>{t("income.filters.breakdown")}</span>
          <select name="breakdown" defaultValue={filters.breakdown ?? ""}>
            <option value="">{t("income.filters.auto")}</option>
            {breakdowns.map((breakdown) => (
              <option key={breakdown} value={breakdown}>
                {t(`income.breakdowns.${breakdown}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t("income.filters.show")}
        </button>
      </Form>
      <p className="income-presets">
        <span>{t("income.presets.title")}：</span>
        {presets.map((preset) => (
          <Link key={preset.key} to={preset.href} className="income-presets__link">
            {t(`income.presets.${preset.key}`)}
          </Link>
        ))}
      </p>
    </section>
  );
}

function Headline({ label, value, change, previousText }: { label: string; value: string; change: number | null; previousText: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = percent(change, locale);
  return (
    <div className="income-headline">
      <dt>{label}</dt>
      <dd>
        <span className="income-headline__value">{value}</span>
        <span className={`income-headline__change${change !== null && change < 0 ? " income-headline__change--down" : ""}`} title={previousText}>
          {shown === null ? t("income.headline.noPrevious") : t("income.headline.change", { change: shown })}
        </span>
      </dd>
    </div>
  );
}

function IncomeReportView({
  report,
  csvHref,
  villageHref,
}: {
  report: IncomeReport;
  filters: IncomeFilters;
  csvHref: string;
  villageHref?: (code: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (fen: number) => formatFen(fen, locale);
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const { period, totals, change } = report;
  const previousText = t("income.headline.previous", { from: report.previous_period.from, to: report.previous_period.to });
  const every = t(`income.every.${period.granularity}`);
  const points: SeriesPoint[] = report.series.map((point) => ({
    label: DATE_ONLY(point.start, locale, period.granularity),
    title: point.start,
    net: point.net_fen,
    gross: point.gross_fen,
  }));
  const unitName = (unit: string | null) => (unit && ["jin", "kg", "box", "piece"].includes(unit) ? t(`income.units.${unit as "jin"}`) : unit ?? "");
  const nameColumn = t(`income.columns.${report.breakdown.by}`);
  const shownBars = report.breakdown.rows.slice(0, 10);

  return (
    <>
      <p className="income__period">{t("income.period", { from: period.from, to: period.to, days: period.days })}</p>
      <dl className="income-headlines">
        <Headline label={t("income.headline.net")} value={money(totals.net_fen)} change={change.net} previousText={previousText} />
        <Headline label={t("income.headline.gross")} value={money(totals.gross_fen)} change={change.gross} previousText={previousText} />
        <Headline label={t("income.headline.orders")} value={count(totals.orders)} change={change.orders} previousText={previousText} />
        <Headline label={t("income.headline.buyers")} value={count(totals.buyers)} change={change.buyers} previousText={previousText} />
      </dl>
      <p className="income__secondary">
        {t("income.headline.refundsAndCommission", {
          refunds: money(totals.refunds_fen),
          commission: money(totals.commission_fen),
          fulfilled: money(totals.fulfilled_fen),
        })}
      </p>
      <p>
        <a href={csvHref} className="button button--secondary" download>
          {t("income.download")}
        </a>
      </p>

      <section aria-labelledby="income-series" className="income-section">
        <h2 id="income-series">{t("income.seriesTitle")}</h2>
        <IncomeLineChart
          points={points}
          label={t("income.chartLabel", { granularity: every })}
          formatAxis={(fen) => compactCny(fen, locale)}
          formatValue={money}
          legend={{ net: t("income.legendNet"), gross: t("income.legendGross") }}
        />
        <details className="income-details">
          <summary>{t("income.seriesDetails", { granularity: every })}</summary>
          <div className="income-table-wrap">
            <table className="income-table">
              <thead>
                <tr>
                  <th scope="col">{t("income.columns.period")}</th>
                  <th scope="col">{t("income.columns.net")}</th>
                  <th scope="col">{t("income.columns.gross")}</th>
                  <th scope="col">{t("income.columns.refunds")}</th>
                  <th scope="col">{t("income.columns.orders")}</th>
                  <th scope="col">{t("income.columns.buyers")}</th>
                </tr>
              </thead>
              <tbody>
                {report.series.map((point) => (
                  <tr key={point.start}>
                    <th scope="row">{point.start}</th>
                    <td>{money(point.net_fen)}</td>
                    <td>{money(point.gross_fen)}</td>
                    <td>{money(point.refunds_fen)}</td>
                    <td>{count(point.orders)}</td>
                    <td>{count(point.buyers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section aria-labelledby="income-breakdown" className="income-section">
        <h2 id="income-breakdown">
          {t("income.breakdownTitle")} · {t(`income.breakdowns.${report.breakdown.by}`)}
        </h2>
        {report.breakdown.rows.length === 0 ? (
          <p>{t("income.empty")}</p>
        ) : (
          <>
            <IncomeBars
              label={t("income.breakdownChartLabel", { count: shownBars.length })}
              bars={shownBars.map((row) => ({
                key: row.key,
                label: row.name,
                value: row.net_fen,
                text: money(row.net_fen),
                href: report.breakdown.by === "village" && villageHref ? villageHref(row.key) : undefined,
              }))}
            />
            <div className="income-table-wrap">
              <table className="income-table">
                <thead>
                  <tr>
                    <th scope="col">{nameColumn}</th>
                    <th scope="col">{t("income.columns.net")}</th>
                    <th scope="col">{t("income.columns.gross")}</th>
                    <th scope="col">{t("income.columns.refunds")}</th>
                    <th scope="col">{t("income.columns.commission")}</th>
                    <th scope="col">{t("income.columns.orders")}</th>
                    <th scope="col">{t("income.columns.buyers")}</th>
                    {report.breakdown.by === "produce" ? <th scope="col">{t("income.columns.quantity")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {report.breakdown.rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">
                        {report.breakdown.by === "village" && villageHref ? <Link to={villageHref(row.key)}>{row.name}</Link> : row.name}
                      </th>
                      <td>{money(row.net_fen)}</td>
                      <td>{money(row.gross_fen)}</td>
                      <td>{money(row.refunds_fen)}</td>
                      <td>{money(row.commission_fen)}</td>
                      <td>{count(row.orders)}</td>
                      <td>{count(row.buyers)}</td>
                      {report.breakdown.by === "produce" ? (
                        <td>
                          {count(row.quantity)} {unitName(row.unit)}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {report.breakdown.truncated ? (
              <p>{t("income.breakdownMore", { count: report.breakdown.total_rows - report.breakdown.rows.length })}</p>
            ) : null}
          </>
        )}
      </section>

      {report.top_produce.length > 0 ? (
        <section aria-labelledby="income-top" className="income-section">
          <h2 id="income-top">{t("income.topProduceTitle")}</h2>
          <IncomeBars
            label={t("income.topProduceTitle")}
            bars={report.top_produce.map((produce) => ({
              key: produce.product_id,
              label: produce.name,
              value: produce.net_fen,
              text: `${money(produce.net_fen)} · ${count(produce.quantity)} ${unitName(produce.unit)}`,
            }))}
          />
        </section>
      ) : null}

      {report.quantities.length > 0 ? (
        <section aria-labelledby="income-quantities" className="income-section">
          <h2 id="income-quantities">{t("income.quantitiesTitle")}</h2>
          <ul className="income-quantities">
            {report.quantities.map((quantity) => (
              <li key={quantity.unit}>
                {count(quantity.quantity)} {unitName(quantity.unit)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
