import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData, type FetcherWithComponents } from "@remix-run/react";
import { formatDateTime } from "@tianyuan/web-common/dates.ts";
import type { Locale } from "@tianyuan/web-common/locale.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import {
  CooperativeNav,
  FetcherMarker,
  OrderStatusBadge,
  useItemText,
  useStatusName,
} from "../components/cooperative-orders";
import { FormError, FormField, TextAreaField } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { isBackendError, notFoundWhenMissing } from "../lib/backend.server";
import { knownUnit, refundAmountFen, refundFieldName, type OrderAction, type OrderDetail } from "../lib/cooperative-orders";
import { orderPath, ordersPath } from "../lib/cooperative-paths";
import { backendFailure, readForm, type FormFailure } from "../lib/forms.server";
import { describeAddresses } from "../lib/buyer-address.server";
import { cooperativeApi, ordersApi, storeAreas } from "../lib/medusa.server";
import type { OrderNoticeKey } from "../lib/notice";
import {
  orderFieldForBackendCode,
  orderIntentSchema,
  readRefundForm,
  reasonFormSchema,
  sentByFetcher,
  shipFormSchema,
  type OrderIntent,
} from "../lib/order-forms.server";
import type { OrderActionBody } from "../lib/orders-api.server";
import { asMember, redirectWithNotice, requireMemberAccess, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const orderId = params.orderId ?? "";
  // Another cooperative's order, or (for a farmer) one without their produce, is 404 like an unknown one.
  const [standing, found] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([cooperativeApi.getStanding(access, cooperativeId), ordersApi.getOrder(access, cooperativeId, orderId)]),
    ),
  );
  // The delivery address in full, area names included, as the courier's slip needs it.
  const [buyer] = await describeAddresses([found.buyer], storeAreas.findArea, localeFromRequest(request));
  const order = { ...found, buyer: buyer ?? found.buyer };
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      cooperative: { id: standing.cooperative.id, name: standing.cooperative.name },
      manager: standing.acting_as === "coop_manager",
      farmer: standing.acting_as === "farmer",
      order,
      notice,
    },
    { headers },
  );
}

/** The notice key of each action (i18next reads "_" as a context suffix). */
const noticeKeys = {
  pack: "pack",
  ship: "ship",
  ready_for_pickup: "readyForPickup",
  picked_up: "pickedUp",
  delivered: "delivered",
  cancel: "cancel",
  refund: "refund",
} as const satisfies Record<OrderIntent, OrderNoticeKey>;

/** What cancelling or refunding asks the manager to confirm. */
type Confirmation =
  | { intent: "cancel"; reason: string; paidFen: number }
  | {
      intent: "refund";
      reason: string;
      values: Record<string, string>;
      lines: { item_id: string; title: string; quantity: number }[] | null;
      amountFen: number;
    };

type ActionResult = {
  intent: OrderIntent;
  failure: FormFailure<string> | null;
  confirm: Confirmation | null;
  done: { action: OrderNoticeKey; number: number; amount?: string } | null;
};

const result = (intent: OrderIntent, outcome: Partial<Omit<ActionResult, "intent">>): ActionResult => ({
  intent,
  failure: null,
  confirm: null,
  done: null,
  ...outcome,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const orderId = params.orderId ?? "";
  const { locale } = await requireMemberAccess(request);
  const formData = await request.formData();
  const parsed = orderIntentSchema.safeParse({
    intent: formData.get("intent") ?? undefined,
    confirm: formData.get("confirm") ?? undefined,
  });
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { intent, confirm } = parsed.data;
  const before = await notFoundWhenMissing(
    asMember(request, (access) => ordersApi.getOrder(access, cooperativeId, orderId)),
  );
  const failed = (status: number, failure: FormFailure<string>) => data(result(intent, { failure }), { status });

  let body: OrderActionBody;
  let values: Record<string, string> = {};
  switch (intent) {
    case "ship": {
      const submission = readForm(shipFormSchema, formData, locale, ["carrier", "tracking_number"]);
      if (!submission.ok) return failed(400, submission.failure);
      values = submission.values;
      body = { action: "ship", ...submission.data };
      break;
    }
    case "cancel": {
      const submission = readForm(reasonFormSchema, formData, locale, ["reason"]);
      if (!submission.ok) return failed(400, submission.failure);
      values = submission.values;
      // First press: ask. The confirmation posts again with confirm=1, so this works without JavaScript.
      if (confirm === "back") return result(intent, { failure: { values, fieldErrors: {}, formError: null } });
      if (confirm !== "1") {
        return result(intent, {
          confirm: { intent: "cancel", reason: submission.data.reason, paidFen: before.payment?.paid_fen ?? 0 },
        });
      }
      body = { action: "cancel", reason: submission.data.reason };
      break;
    }
    case "refund": {
      const submission = readRefundForm(formData, before, locale);
      if (!submission.ok) return failed(400, submission.failure);
      values = submission.values;
      if (confirm === "back") return result(intent, { failure: { values, fieldErrors: {}, formError: null } });
      if (confirm !== "1") {
        return result(intent, {
          confirm: {
            intent: "refund",
            reason: submission.reason,
            values,
            lines:
              submission.lines?.map((line) => ({
                ...line,
                title: before.items.find((item) => item.id === line.item_id)?.title ?? "",
              })) ?? null,
            amountFen: refundAmountFen(before, submission.lines),
          },
        });
      }
      body = {
        action: "refund",
        reason: submission.reason,
        ...(submission.lines ? { lines: submission.lines } : {}),
      };
      break;
    }
    default:
      body = { action: intent };
  }

  let after: OrderDetail;
  try {
    after = await notFoundWhenMissing(
      asMember(request, (access) => ordersApi.actOnOrder(access, cooperativeId, orderId, body)),
    );
  } catch (error) {
    // Done meanwhile by another manager (409), a farmer (403), a number the backend refuses: its
    // words, beside the field they are about, with everything typed kept.
    if (!isBackendError(error) || error.status >= 500) throw error;
    return failed(error.status, backendFailure(error, values, orderFieldForBackendCode));
  }
  const done = {
    action: noticeKeys[intent],
    number: after.display_id,
    ...(intent === "refund" ? { amount: refundedText(before, after, locale) } : {}),
  };
  if (sentByFetcher(formData)) return result(intent, { done });
  return redirectWithNotice(request, orderPath(cooperativeId, orderId), { key: "orderActionDone", ...done });
}

function refundedText(before: OrderDetail, after: OrderDetail, locale: Locale): string {
  const refunded = (after.payment?.refunded_fen ?? 0) - (before.payment?.refunded_fen ?? 0);
  return formatFen(Math.max(0, refunded), locale);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  const title = translation.orderDetail.title.replace("{{number}}", String(data.order.display_id));
  return [{ title: `${title} · ${data.cooperative.name} · ${translation.app.name}` }];
};

export default function OrderPage() {
  const { cooperative, manager, farmer, order, notice } = useLoaderData<typeof loader>();
  // One fetcher for every action of the page: only one runs at a time, and its answer (an error, a
  // question, a notice) is shown where it belongs. Without JavaScript the page comes back with it.
  const fetcher = useFetcher<typeof action>({ key: `order-${order.id}` });
  const actionData = useActionData<typeof action>();
  const outcome = fetcher.data ?? actionData ?? null;
  const { t } = useTranslation();
  const locale = useLocale();

  return (
    <>
      <CooperativeNav cooperativeId={cooperative.id} manager={manager} current="orders" />
      <NoticeBanner notice={notice} />
      {/* Once the page shows the order as it is now, not while it is being read again. */}
      {outcome?.done && fetcher.state === "idle" ? (
        <p className="notice-banner" role="status">
          {t(`orderNotices.${outcome.done.action}`, { number: outcome.done.number, amount: outcome.done.amount ?? "" })}
        </p>
      ) : null}
      <section className="page-intro order-intro">
        <h1>{t("orderDetail.title", { number: order.display_id })}</h1>
        <p>
          <OrderStatusBadge status={order.status} /> {t("orderDetail.placedAt", { date: formatDateTime(order.created_at, locale) })}
        </p>
      </section>
      {manager ? null : <p className="notice">{t(farmer ? "orderDetail.readOnly" : "orderDetail.readOnlyAgent")}</p>}

      {manager ? <OrderActions order={order} fetcher={fetcher} outcome={outcome} /> : null}

      <div className="order-sections">
        <OrderItems order={order} />
        <OrderHandOver order={order} />
        {order.payment ? <OrderPayment order={order} /> : null}
        <OrderHistory order={order} />
      </div>
      <p className="form-links">
        <Link to={ordersPath(cooperative.id)}>{t("orderDetail.back")}</Link>
      </p>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="order-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function OrderItems({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const itemText = useItemText();
  return (
    <Section id="order-items" title={t("orderDetail.itemsTitle")}>
      <ul className="order-lines">
        {order.items.map((item) => (
          <li key={item.id}>
            <span>
              {itemText(item)}
              {item.refunded_quantity > 0 ? (
                <span className="order-lines__refunded">
                  {t("orderDetail.refundedPart", {
                    quantity: item.refunded_quantity,
                    amount: formatFen(item.refunded_fen, locale),
                  })}
                </span>
              ) : null}
            </span>
            <span className="order-lines__amount">{formatFen(item.total_fen, locale)}</span>
          </li>
        ))}
      </ul>
      <dl className="facts order-totals">
        <dt>{t("orderDetail.itemsTotal")}</dt>
        <dd>{formatFen(order.totals.items_fen, locale)}</dd>
        {order.totals.shipping_fen === null ? null : (
          <>
            <dt>{t("orderDetail.shippingFee")}</dt>
            <dd>{order.totals.shipping_fen === 0 ? t("orderDetail.free") : formatFen(order.totals.shipping_fen, locale)}</dd>
          </>
        )}
        <dt>{t("orderDetail.total")}</dt>
        <dd>
          <strong>{formatFen(order.totals.total_fen, locale)}</strong>
        </dd>
      </dl>
    </Section>
  );
}

/** Who gets it and how: the buyer, the pickup point or the address, the courier's tracking. */
function OrderHandOver({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { buyer, shipping, tracking } = order;
  return (
    <Section id="order-buyer" title={t("orderDetail.buyerTitle")}>
      <p className="order-buyer__name">{buyer.name}</p>
      {buyer.phone ? (
        <p className="order-buyer__phone">
          {t("orderDetail.phone")}：{buyer.phone}{" "}
          <a href={`tel:${buyer.phone}`} className="button button--secondary button--small">
            {t("orderDetail.call")}
          </a>
        </p>
      ) : null}
      {buyer.email ? (
        <p>
          {t("orderDetail.email")}：{buyer.email}
        </p>
      ) : null}
      {shipping.kind === "pickup" ? (
        <>
          <h3>{t("orderDetail.pickupTitle")}</h3>
          {shipping.pickup_point ? (
            <p>
              <strong>{shipping.pickup_point.name}</strong>
              <br />
              {shipping.pickup_point.address}
              {shipping.pickup_point.hours ? (
                <>
                  <br />
                  {t("orderDetail.pickupHours", { hours: shipping.pickup_point.hours })}
                </>
              ) : null}
            </p>
          ) : (
            <p>{shipping.name}</p>
          )}
        </>
      ) : (
        <>
          <h3>{t("orderDetail.deliveryTitle")}</h3>
          {buyer.address ? (
            <p>
              {t("orderDetail.address")}：{buyer.address.text ?? buyer.address.address}
            </p>
          ) : null}
        </>
      )}
      {tracking ? (
        <p className="order-tracking">
          {t("orderDetail.trackingTitle")}：{tracking.carrier} {tracking.tracking_number}{" "}
          {tracking.tracking_url ? <a href={tracking.tracking_url}>{t("orderDetail.trackingLink")}</a> : null}
        </p>
      ) : null}
      {order.cancel_reason ? <p>{t("orderDetail.cancelReason", { reason: order.cancel_reason })}</p> : null}
    </Section>
  );
}

const paymentStatusKeys = {
  awaiting_payment: "awaitingPayment",
  paid: "paid",
  partially_refunded: "partiallyRefunded",
  refunded: "refunded",
} as const;

const methodKeys = { pay_on_delivery: "payOnDelivery", stripe: "stripe", other: "other" } as const;

function OrderPayment({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const payment = order.payment;
  if (!payment) return null;
  return (
    <Section id="order-payment" title={t("orderDetail.paymentTitle")}>
      <dl className="facts">
        {payment.method ? (
          <>
            <dt>{t("orderDetail.paymentMethod")}</dt>
            <dd>{t(`orderDetail.methods.${methodKeys[payment.method]}`)}</dd>
          </>
        ) : null}
        <dt>{t("orderDetail.paymentStatus")}</dt>
        <dd>{t(`orderDetail.paymentStatuses.${paymentStatusKeys[payment.status]}`)}</dd>
        <dt>{t("orderDetail.paid")}</dt>
        <dd>{formatFen(payment.paid_fen, locale)}</dd>
        {payment.refunded_fen > 0 ? (
          <>
            <dt>{t("orderDetail.refunded")}</dt>
            <dd>{formatFen(payment.refunded_fen, locale)}</dd>
          </>
        ) : null}
        {payment.refundable_fen > 0 ? (
          <>
            <dt>{t("orderDetail.refundable")}</dt>
            <dd>{formatFen(payment.refundable_fen, locale)}</dd>
          </>
        ) : null}
      </dl>
      {order.refunds.length > 0 ? (
        <>
          <h3>{t("orderDetail.refundsTitle")}</h3>
          <ul className="order-refunds">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                {t("orderDetail.refundLine", {
                  date: formatDateTime(refund.created_at, locale),
                  amount: formatFen(refund.amount_fen, locale),
                  reason: refund.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function OrderHistory({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const statusName = useStatusName();
  if (order.history.length === 0) return null;
  return (
    <Section id="order-history" title={t("orderDetail.historyTitle")}>
      <ol className="order-history">
        {order.history.map((step, index) => (
          <li key={`${step.status}-${index}`}>
            <span className="order-history__status">{statusName(step.status)}</span>
            <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>
          </li>
        ))}
      </ol>
    </Section>
  );
}

type ActionOutcome = SerializeFrom<typeof action>;
type ActionFetcher = FetcherWithComponents<ActionOutcome>;

/** Couriers a Chinese cooperative ships with, offered as the member types (any other may be typed). */
const CARRIERS = ["顺丰速运", "中国邮政", "EMS", "京东物流", "中通快递", "圆通速递", "韵达快递", "申通快递", "极兔速递", "德邦快递"];

/** The manager's buttons and forms for what can be done with the order now. */
function OrderActions({
  order,
  fetcher,
  outcome,
}: {
  order: OrderDetail;
  fetcher: ActionFetcher;
  outcome: ActionOutcome | null;
}) {
  const { t } = useTranslation();
  const busy = fetcher.state !== "idle";
  const about = (intent: OrderIntent) => (outcome?.intent === intent ? outcome : null);
  const has = (action: OrderAction) => order.actions.includes(action);
  // After an action the forms start again from the new order, empty.
  const version = `${order.status}-${order.payment?.refunded_fen ?? 0}`;

  return (
    <section className="order-actions" aria-labelledby="order-actions-title">
      <h2 id="order-actions-title">{t("orderDetail.actionsTitle")}</h2>
      {order.actions.length === 0 ? <p>{t("orderDetail.noActions")}</p> : null}
      {busy ? (
        <p className="form-field__hint" role="status">
          {t("orderDetail.busy")}
        </p>
      ) : null}

      {has("pack") ? (
        <SimpleAction intent="pack" hint={t("orderDetail.packHint")} fetcher={fetcher} outcome={about("pack")} />
      ) : null}

      {has("ship") ? (
        <fetcher.Form method="post" className="form order-action" key={`ship-${version}`} noValidate>
          <h3>{t("orderDetail.shipTitle")}</h3>
          <FetcherMarker />
          <FormError message={about("ship")?.failure?.formError} />
          <FormField
            name="carrier"
            label={t("orderDetail.carrier")}
            hint={t("orderDetail.carrierHint")}
            required
            maxLength={40}
            autoComplete="off"
            list="carriers"
            enterKeyHint="next"
            defaultValue={about("ship")?.failure?.values.carrier ?? ""}
            error={about("ship")?.failure?.fieldErrors.carrier}
          />
          <datalist id="carriers">
            {CARRIERS.map((carrier) => (
              <option key={carrier} value={carrier} />
            ))}
          </datalist>
          <FormField
            name="tracking_number"
            label={t("orderDetail.trackingNumber")}
            hint={t("orderDetail.trackingNumberHint")}
            required
            maxLength={60}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="send"
            defaultValue={about("ship")?.failure?.values.tracking_number ?? ""}
            error={about("ship")?.failure?.fieldErrors.tracking_number}
          />
          <button type="submit" name="intent" value="ship" className="button button--wide" disabled={busy}>
            {t("orderActions.ship")}
          </button>
        </fetcher.Form>
      ) : null}

      {has("ready_for_pickup") ? (
        <SimpleAction
          intent="ready_for_pickup"
          hint={t("orderDetail.readyHint")}
          fetcher={fetcher}
          outcome={about("ready_for_pickup")}
        />
      ) : null}
      {has("picked_up") ? (
        <SimpleAction intent="picked_up" hint={t("orderDetail.pickedUpHint")} fetcher={fetcher} outcome={about("picked_up")} />
      ) : null}
      {has("delivered") ? (
        <SimpleAction intent="delivered" hint={t("orderDetail.deliveredHint")} fetcher={fetcher} outcome={about("delivered")} />
      ) : null}

      {has("cancel") ? <CancelAction order={order} fetcher={fetcher} outcome={about("cancel")} version={version} /> : null}
      {has("refund") ? <RefundAction order={order} fetcher={fetcher} outcome={about("refund")} version={version} /> : null}
    </section>
  );
}

const actionKeys = {
  pack: "pack",
  ship: "ship",
  ready_for_pickup: "readyForPickup",
  picked_up: "pickedUp",
  delivered: "delivered",
  cancel: "cancel",
  refund: "refund",
} as const satisfies Record<OrderIntent, string>;

/** One big button: packed, at the pickup point, collected, delivered. */
function SimpleAction({
  intent,
  hint,
  fetcher,
  outcome,
}: {
  intent: "pack" | "ready_for_pickup" | "picked_up" | "delivered";
  hint: string;
  fetcher: ActionFetcher;
  outcome: ActionOutcome | null;
}) {
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post" className="order-action">
      <FetcherMarker />
      <FormError message={outcome?.failure?.formError} />
      <button type="submit" name="intent" value={intent} className="button button--wide" disabled={fetcher.state !== "idle"}>
        {t(`orderActions.${actionKeys[intent]}`)}
      </button>
      <p className="form-field__hint">{hint}</p>
    </fetcher.Form>
  );
}

function CancelAction({
  order,
  fetcher,
  outcome,
  version,
}: {
  order: OrderDetail;
  fetcher: ActionFetcher;
  outcome: ActionOutcome | null;
  version: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = fetcher.state !== "idle";
  const confirm = outcome?.confirm?.intent === "cancel" ? outcome.confirm : null;

  if (confirm) {
    return (
      <section className="confirm-panel" aria-labelledby="confirm-cancel-title">
        <h3 id="confirm-cancel-title">{t("orderDetail.confirmCancelTitle", { number: order.display_id })}</h3>
        <p>{t("orderDetail.confirmCancelBody")}</p>
        {confirm.paidFen > 0 ? <p>{t("orderDetail.confirmCancelPaid", { amount: formatFen(confirm.paidFen, locale) })}</p> : null}
        <p>{t("orderDetail.confirmReason", { reason: confirm.reason })}</p>
        <fetcher.Form method="post" className="button-row">
          <FetcherMarker />
          <input type="hidden" name="intent" value="cancel" />
          <input type="hidden" name="reason" value={confirm.reason} />
          {/* Focus brings the question into view wherever the manager had scrolled to. */}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
          <button type="submit" name="confirm" value="1" className="button button--danger" disabled={busy} autoFocus>
            {t("orderDetail.confirmCancel")}
          </button>
          <button type="submit" name="confirm" value="back" className="button button--secondary" disabled={busy}>
            {t("orderDetail.editAgain")}
          </button>
        </fetcher.Form>
      </section>
    );
  }
  return (
    <details className="order-action order-action--more" open={outcome !== null}>
      <summary>{t("orderDetail.cancelTitle")}</summary>
      <fetcher.Form method="post" className="form" key={`cancel-${version}`} noValidate>
        <FetcherMarker />
        <p className="form-field__hint">{t("orderDetail.cancelHint")}</p>
        <FormError message={outcome?.failure?.formError} />
        <ReasonField outcome={outcome} />
        <button type="submit" name="intent" value="cancel" className="button button--danger" disabled={busy}>
          {t("orderActions.cancel")}
        </button>
      </fetcher.Form>
    </details>
  );
}

function ReasonField({ outcome }: { outcome: ActionOutcome | null }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      name="reason"
      label={t("orderDetail.reason")}
      maxLength={200}
      defaultValue={outcome?.failure?.values.reason ?? ""}
      error={outcome?.failure?.fieldErrors.reason}
      hint={t("orderDetail.reasonHint")}
    />
  );
}

function RefundAction({
  order,
  fetcher,
  outcome,
  version,
}: {
  order: OrderDetail;
  fetcher: ActionFetcher;
  outcome: ActionOutcome | null;
  version: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = fetcher.state !== "idle";
  const confirm = outcome?.confirm?.intent === "refund" ? outcome.confirm : null;

  if (confirm) {
    return (
      <section className="confirm-panel" aria-labelledby="confirm-refund-title">
        <h3 id="confirm-refund-title">
          {t("orderDetail.confirmRefundTitle", { number: order.display_id, amount: formatFen(confirm.amountFen, locale) })}
        </h3>
        {confirm.lines === null ? (
          <p>{t("orderDetail.confirmRefundWhole")}</p>
        ) : (
          <ul>
            {confirm.lines.map((line) => (
              <li key={line.item_id}>{t("orderDetail.confirmRefundLine", { title: line.title, quantity: line.quantity })}</li>
            ))}
          </ul>
        )}
        <p>{t("orderDetail.confirmReason", { reason: confirm.reason })}</p>
        <fetcher.Form method="post" className="button-row">
          <FetcherMarker />
          <input type="hidden" name="intent" value="refund" />
          {Object.entries(confirm.values).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
          <button type="submit" name="confirm" value="1" className="button button--danger" disabled={busy} autoFocus>
            {t("orderDetail.confirmRefund")}
          </button>
          <button type="submit" name="confirm" value="back" className="button button--secondary" disabled={busy}>
            {t("orderDetail.editAgain")}
          </button>
        </fetcher.Form>
      </section>
    );
  }

  const values = outcome?.failure?.values ?? {};
  const errors = outcome?.failure?.fieldErrors ?? {};
  const scope = values.scope === "lines" ? "lines" : "order";
  return (
    <details className="order-action order-action--more" open={outcome !== null}>
      <summary>{t("orderDetail.refundTitle")}</summary>
      <fetcher.Form method="post" className="form" key={`refund-${version}`} noValidate>
        <FetcherMarker />
        <p className="form-field__hint">{t("orderDetail.refundHint")}</p>
        <FormError message={outcome?.failure?.formError} />
        <fieldset className={errors.scope ? "choice-field form-field--invalid" : "choice-field"} aria-describedby={errors.scope ? "field-scope-error" : undefined}>
          <legend>{t("orderDetail.refundScope")}</legend>
          <div className="choice-field__options">
            <label className="choice-field__option">
              <input type="radio" name="scope" value="order" defaultChecked={scope === "order"} />
              <span>{t("orderDetail.refundWhole")}</span>
            </label>
            <label className="choice-field__option">
              <input type="radio" name="scope" value="lines" defaultChecked={scope === "lines"} />
              <span>{t("orderDetail.refundLines")}</span>
            </label>
          </div>
          {errors.scope ? (
            <p id="field-scope-error" className="form-field__error">
              {errors.scope}
            </p>
          ) : null}
        </fieldset>
        {/* Without JavaScript every line is there; the choice above says whether they count. */}
        <div className="refund-lines">
          {order.items
            .filter((item) => item.quantity > item.refunded_quantity)
            .map((item) => {
              const unit = knownUnit(item.unit);
              return (
                <FormField
                  key={item.id}
                  name={refundFieldName(item.id)}
                  label={t("orderDetail.refundQuantity", {
                    title: item.title,
                    unit: unit ? t(`units.${unit}`) : "",
                    max: item.quantity - item.refunded_quantity,
                  })}
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={values[refundFieldName(item.id)] ?? ""}
                  error={errors[refundFieldName(item.id)]}
                />
              );
            })}
        </div>
        <ReasonField outcome={outcome} />
        <button type="submit" name="intent" value="refund" className="button" disabled={busy}>
          {t("orderActions.refund")}
        </button>
      </fetcher.Form>
    </details>
  );
}
