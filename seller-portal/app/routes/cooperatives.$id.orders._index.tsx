import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "@tianyuan/web-common/dates.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import {
  CooperativeNav,
  FetcherMarker,
  OrderStatusBadge,
  Pagination,
  useItemText,
  useStatusName,
} from "../components/cooperative-orders";
import { FormError, FormField, SelectField } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { isBackendError, notFoundWhenMissing } from "../lib/backend.server";
import { orderListSearch, orderStatuses, type OrderSummary } from "../lib/cooperative-orders";
import { orderPath, ordersPath } from "../lib/cooperative-paths";
import { cooperativeApi, ordersApi } from "../lib/medusa.server";
import { readOrderListQuery, sentByFetcher } from "../lib/order-forms.server";
import { asMember, redirectWithNotice, requireMemberAccess, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

/** How many lines of produce a row names before "and 3 more". */
const ITEMS_SHOWN = 3;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const { locale } = await requireMemberAccess(request);
  const query = readOrderListQuery(new URL(request.url).searchParams, locale);
  const standing = await notFoundWhenMissing(
    asMember(request, (access) => cooperativeApi.getStanding(access, cooperativeId)),
  );
  const manager = standing.acting_as === "coop_manager";
  const [page, pickupPoints] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([
        ordersApi.listOrders(access, cooperativeId, query.filters),
        // Pickup points are the managers' to see; a farmer filters by status, day and search.
        manager ? ordersApi.listPickupPoints(access, cooperativeId) : Promise.resolve([]),
      ]),
    ),
  );
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      cooperative: { id: standing.cooperative.id, name: standing.cooperative.name },
      acting: standing.acting_as,
      manager,
      orders: page.orders,
      count: page.count,
      page: page.page,
      pages: Math.max(1, Math.ceil(page.count / page.pageSize)),
      filters: query.values,
      filterErrors: query.fieldErrors,
      filtered: Object.keys(query.filters).some((name) => name !== "page"),
      pickupPoints: pickupPoints.map((point) => ({ value: point.id, label: point.name })),
      notice,
    },
    { headers },
  );
}

/** "Mark packed" from the list, the one action a packing shed does row after row. */
export async function action({ request, params }: ActionFunctionArgs) {
  const cooperativeId = params.id ?? "";
  await requireMemberAccess(request);
  const formData = await request.formData();
  const orderId = formData.get("order_id");
  if (formData.get("intent") !== "pack" || typeof orderId !== "string" || !orderId || orderId.length > 100) {
    throw new Response("Bad Request", { status: 400 });
  }
  let number: number;
  try {
    number = (
      await notFoundWhenMissing(
        asMember(request, (access) => ordersApi.actOnOrder(access, cooperativeId, orderId, { action: "pack" })),
      )
    ).display_id;
  } catch (error) {
    // Packed meanwhile by someone else (409), or a farmer (403): the backend's words, beside the row.
    if (!isBackendError(error) || error.status >= 500) throw error;
    return data({ orderId, done: null, formError: error.message }, { status: error.status });
  }
  if (sentByFetcher(formData)) return { orderId, done: number, formError: null };
  // Back to the same list: same filters, same page.
  const search = new URL(request.url).searchParams;
  search.delete("index");
  const back = search.toString();
  return redirectWithNotice(request, ordersPath(cooperativeId, back ? `?${back}` : ""), {
    key: "orderActionDone",
    action: "pack",
    number,
  });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.orders.title} · ${data.cooperative.name} · ${translation.app.name}` }];
};

export default function OrdersPage() {
  const { cooperative, acting, manager, orders, count, page, pages, filters, filterErrors, filtered, pickupPoints, notice } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const statusName = useStatusName();

  return (
    <>
      <CooperativeNav cooperativeId={cooperative.id} manager={manager} current="orders" />
      <NoticeBanner notice={notice} />
      <section className="page-intro">
        <h1>{t("orders.title")}</h1>
        <p>{t("orders.cooperative", { name: cooperative.name })}</p>
      </section>
      {acting === "farmer" ? <p className="notice">{t("orders.readOnly")}</p> : null}

      {/* A <details> opens without JavaScript; it starts open while a filter is in use. */}
      <details className="order-filters" open={filtered || Object.keys(filterErrors).length > 0}>
        <summary>{t("orders.filtersTitle")}</summary>
        <Form method="get" className="order-filters__form">
          <SelectField
            name="status"
            label={t("orders.status")}
            placeholder={t("orders.allStatuses")}
            options={orderStatuses.map((status) => ({ value: status, label: statusName(status) }))}
            defaultValue={filters.status}
          />
          <FormField
            name="q"
            type="search"
            label={t("orders.search")}
            hint={t("orders.searchHint")}
            maxLength={60}
            autoComplete="off"
            enterKeyHint="search"
            defaultValue={filters.q}
          />
          <div className="order-filters__days">
            <FormField name="from" type="date" label={t("orders.from")} defaultValue={filters.from} error={filterErrors.from} />
            <FormField name="to" type="date" label={t("orders.to")} defaultValue={filters.to} error={filterErrors.to} />
          </div>
          {manager && pickupPoints.length > 0 ? (
            <SelectField
              name="pickup_point"
              label={t("orders.pickupPoint")}
              placeholder={t("orders.allPickupPoints")}
              options={pickupPoints}
              defaultValue={filters.pickup_point}
            />
          ) : null}
          <div className="button-row">
            <button type="submit" className="button">
              {t("orders.apply")}
            </button>
            {filtered ? (
              <Link to={ordersPath(cooperative.id)} className="button button--secondary">
                {t("orders.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
      </details>

      <p className="order-count" role="status">
        {t("orders.count", { count })}
      </p>
      {orders.length === 0 ? (
        <p className="notice">{filtered ? t("orders.emptyFiltered") : t("orders.empty")}</p>
      ) : (
        <ul className="record-list order-list">
          {orders.map((order) => (
            <li key={order.id}>
              <OrderRow cooperativeId={cooperative.id} order={order} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(target) => ordersPath(cooperative.id, orderListSearch(filters, target))}
        labels={{
          previous: t("orders.previous"),
          next: t("orders.next"),
          pageOf: t("orders.pageOf", { page, pages }),
          nav: t("orders.pagination"),
        }}
      />
    </>
  );
}

function OrderRow({ cooperativeId, order }: { cooperativeId: string; order: OrderSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const itemText = useItemText();
  const fetcher = useFetcher<typeof action>();
  // With JavaScript the fetcher brings the answer; without, the page comes back with it.
  const actionData = useActionData<typeof action>();
  const posted = fetcher.data ?? actionData;
  const titleId = `order-${order.id}-title`;
  const outcome = posted?.orderId === order.id ? posted : null;
  const shown = order.items.slice(0, ITEMS_SHOWN);

  return (
    <article className="order-row" aria-labelledby={titleId}>
      <header className="order-row__header">
        <h2 id={titleId} className="order-row__title">
          <Link to={orderPath(cooperativeId, order.id)}>
            {t("orders.number", { number: order.display_id })}
          </Link>
        </h2>
        <OrderStatusBadge status={order.status} />
        <span className="order-row__total">{formatFen(order.total_fen, locale)}</span>
      </header>
      <p className="record__meta">
        {formatDateTime(order.created_at, locale)} · {t("orders.buyer", { name: order.buyer.name })}
      </p>
      <p className="order-row__items">
        {shown.map(itemText).join(t("lists.separator"))}
        {order.items.length > ITEMS_SHOWN ? ` ${t("orders.more", { count: order.items.length - ITEMS_SHOWN })}` : null}
      </p>
      <p className="order-row__shipping">
        {order.shipping.kind === "pickup" && order.shipping.pickup_point
          ? t("orders.pickupAt", { name: order.shipping.pickup_point.name })
          : t("orders.delivery")}
        {order.tracking
          ? ` · ${t("orders.tracking", { carrier: order.tracking.carrier, number: order.tracking.tracking_number })}`
          : null}
      </p>
      {outcome?.done && fetcher.state === "idle" ? (
        <p className="notice-banner" role="status">
          {t("orderNotices.pack", { number: outcome.done })}
        </p>
      ) : null}
      <FormError message={outcome?.formError} />
      {order.actions.includes("pack") ? (
        <fetcher.Form method="post" className="order-row__actions">
          <FetcherMarker />
          <input type="hidden" name="order_id" value={order.id} />
          <button type="submit" name="intent" value="pack" className="button" disabled={fetcher.state !== "idle"}>
            {t("orderActions.pack")}
          </button>
        </fetcher.Form>
      ) : null}
    </article>
  );
}
