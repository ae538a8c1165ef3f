import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime } from "@tianyuan/web-common/dates.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { CooperativeNav, Pagination } from "../components/cooperative-orders";
import { notFoundWhenMissing } from "../lib/backend.server";
import type { LedgerKind } from "../lib/cooperative-orders";
import { orderPath, payoutsPath } from "../lib/cooperative-paths";
import { cooperativeApi, ordersApi } from "../lib/medusa.server";
import { pageOf } from "../lib/order-forms.server";
import { asMember } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const page = pageOf(new URL(request.url).searchParams);
  // Managers only: the backend answers anyone else 404, as for an unknown cooperative.
  const [standing, statement] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([cooperativeApi.getStanding(access, cooperativeId), ordersApi.getPayouts(access, cooperativeId, page)]),
    ),
  );
  return {
    cooperative: { id: standing.cooperative.id, name: standing.cooperative.name },
    statement,
    pages: Math.max(1, Math.ceil(statement.count / statement.pageSize)),
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.payouts.title} · ${data.cooperative.name} · ${translation.app.name}` }];
};

const kindKeys = {
  earned: "earned",
  commission: "commission",
  refund: "refund",
  refund_commission: "refundCommission",
  payout: "payout",
} as const satisfies Record<LedgerKind, string>;

/** "+¥12.00" / "−¥0.60": the sign says which way the money went. */
function signedFen(fen: number, locale: Parameters<typeof formatFen>[1]): string {
  return `${fen < 0 ? "−" : "+"}${formatFen(Math.abs(fen), locale)}`;
}

export default function PayoutsPage() {
  const { cooperative, statement, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { account } = statement;

  return (
    <>
      <CooperativeNav cooperativeId={cooperative.id} manager current="payouts" />
      <section className="page-intro">
        <h1>{t("payouts.title")}</h1>
        <p>{t("payouts.cooperative", { name: cooperative.name })}</p>
      </section>

      <dl className="payout-summary">
        <div className="payout-summary__item payout-summary__item--main">
          <dt>{t("payouts.balance")}</dt>
          <dd>{formatFen(statement.balance_fen, locale)}</dd>
        </div>
        <div className="payout-summary__item">
          <dt>{t("payouts.unpaid")}</dt>
          <dd>{formatFen(statement.unpaid_fen, locale)}</dd>
        </div>
        <div className="payout-summary__item">
          <dt>{t("payouts.account")}</dt>
          <dd className="payout-summary__account">
            {account.method === "stripe_connect"
              ? t("payouts.stripeConnect")
              : account.bank_name || account.bank_account_last4
                ? t("payouts.bankAccount", { bank: account.bank_name, last4: account.bank_account_last4 })
                : t("payouts.bankAccountUnknown")}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="ledger-title" className="payout-section">
        <h2 id="ledger-title">{t("payouts.entriesTitle")}</h2>
        {statement.entries.length === 0 ? (
          <p className="notice">{t("payouts.entriesEmpty")}</p>
        ) : (
          <ul className="record-list ledger-list">
            {statement.entries.map((entry) => (
              <li key={entry.id} className="ledger-entry">
                <div className="ledger-entry__what">
                  <span className="ledger-entry__kind">{t(`payouts.kinds.${kindKeys[entry.kind]}`)}</span>
                  {entry.commission_rate_bps !== null && entry.kind !== "earned" ? (
                    <span className="record__meta">
                      {t("payouts.commissionRate", { rate: (entry.commission_rate_bps / 100).toString() })}
                    </span>
                  ) : null}
                  {entry.description ? <span className="record__meta">{entry.description}</span> : null}
                  <span className="record__meta">
                    <time dateTime={entry.created_at}>{formatDateTime(entry.created_at, locale)}</time>
                    {entry.order_id ? (
                      <>
                        {" · "}
                        <Link to={orderPath(cooperative.id, entry.order_id)}>{t("payouts.viewOrder")}</Link>
                      </>
                    ) : null}
                  </span>
                </div>
                <span className={entry.amount_fen < 0 ? "ledger-entry__amount ledger-entry__amount--out" : "ledger-entry__amount"}>
                  {signedFen(entry.amount_fen, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={statement.page}
          pages={pages}
          hrefFor={(target) => payoutsPath(cooperative.id, target > 1 ? `?page=${target}` : "")}
          labels={{
            previous: t("payouts.previous"),
            next: t("payouts.next"),
            pageOf: t("payouts.pageOf", { page: statement.page, pages }),
            nav: t("payouts.entriesTitle"),
          }}
        />
      </section>

      <section aria-labelledby="runs-title" className="payout-section">
        <h2 id="runs-title">{t("payouts.runsTitle")}</h2>
        {statement.payout_runs.length === 0 ? (
          <p className="notice">{t("payouts.runsEmpty")}</p>
        ) : (
          <ul className="record-list">
            {statement.payout_runs.map((run) => (
              <li key={run.id} className="record">
                <span className="record__title">
                  {t("payouts.period", {
                    start: formatDate(run.period_start, locale),
                    end: formatDate(run.period_end, locale),
                  })}
                </span>
                <span className={`status status--${run.status === "settled" ? "approved" : "pending"}`}>
                  {t(`payouts.runStatuses.${run.status}`)}
                </span>
                <span className="ledger-entry__amount">{formatFen(run.amount_fen, locale)}</span>
                {run.settled_at ? (
                  <span className="record__meta">{t("payouts.settledAt", { date: formatDate(run.settled_at, locale) })}</span>
                ) : null}
                {run.reference ? (
                  <span className="record__meta">{t("payouts.reference", { reference: run.reference })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
