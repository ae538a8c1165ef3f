import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatDate } from "@tianyuan/web-common/dates.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { CooperativeNav, PrintButton, useItemText } from "../components/cooperative-orders";
import { FormField, SelectField } from "../components/form-field";
import { notFoundWhenMissing } from "../lib/backend.server";
import { knownUnit, type PackingGroup } from "../lib/cooperative-orders";
import { describeAddresses } from "../lib/buyer-address.server";
import { cooperativeApi, ordersApi, storeAreas } from "../lib/medusa.server";
import { readPackingListQuery } from "../lib/order-forms.server";
import { asMember, requireMemberAccess } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const { locale } = await requireMemberAccess(request);
  const query = readPackingListQuery(new URL(request.url).searchParams, locale);
  const standing = await notFoundWhenMissing(
    asMember(request, (access) => cooperativeApi.getStanding(access, cooperativeId)),
  );
  const manager = standing.acting_as === "coop_manager";
  const [list, pickupPoints] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([
        ordersApi.getPackingList(access, cooperativeId, {
          ...(query.date ? { date: query.date } : {}),
          ...(query.pickup_point ? { pickup_point: query.pickup_point } : {}),
        }),
        manager ? ordersApi.listPickupPoints(access, cooperativeId) : Promise.resolve([]),
      ]),
    ),
  );
  // Delivery addresses in full, area names included, for the courier's slips.
  const groups = await Promise.all(
    list.groups.map(async (group) => {
      const buyers = await describeAddresses(
        group.orders.map((order) => order.buyer),
        storeAreas.findArea,
        locale,
      );
      return { ...group, orders: group.orders.map((order, index) => ({ ...order, buyer: buyers[index] ?? order.buyer })) };
    }),
  );
  return {
    cooperative: { id: standing.cooperative.id, name: standing.cooperative.name },
    manager,
    list: { ...list, groups },
    // The day shown (today's when none or an unreadable one was asked for), as the date field wants it.
    values: { date: query.dateError ? query.values.date : list.date, pickup_point: query.values.pickup_point },
    dateError: query.dateError,
    pickupPoints: pickupPoints.map((point) => ({ value: point.id, label: point.name })),
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.packingList.title} ${data.list.date} · ${data.cooperative.name} · ${translation.app.name}` }];
};

/**
 * What to pack for one day, one sheet per pickup point (and one for courier delivery): what to gather,
 * summed per produce, then each order with boxes to tick. Printed in big type for a packing shed.
 */
export default function PackingListPage() {
  const { cooperative, manager, list, values, dateError, pickupPoints } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const day = formatDate(`${list.date}T12:00:00+08:00`, locale);

  return (
    <>
      <CooperativeNav cooperativeId={cooperative.id} manager={manager} current="packingList" />
      <section className="page-intro no-print">
        <h1>{t("packingList.title")}</h1>
        <p>{t("packingList.cooperative", { name: cooperative.name })}</p>
      </section>
      <Form method="get" className="packing-filters no-print">
        <FormField name="date" type="date" label={t("packingList.date")} defaultValue={values.date} error={dateError ?? undefined} />
        {manager && pickupPoints.length > 0 ? (
          <SelectField
            name="pickup_point"
            label={t("packingList.pickupPoint")}
            placeholder={t("packingList.allPickupPoints")}
            options={pickupPoints}
            defaultValue={values.pickup_point}
          />
        ) : null}
        <button type="submit" className="button">
          {t("packingList.show")}
        </button>
      </Form>
      {list.groups.length === 0 ? (
        <p className="notice">{t("packingList.empty")}</p>
      ) : (
        <>
          <div className="no-print packing-print">
            <PrintButton label={t("packingList.print")} />
            <p className="form-field__hint">{t("packingList.printHint")}</p>
          </div>
          {list.groups.map((group) => (
            <PackingSheet
              key={group.pickup_point?.id ?? "delivery"}
              group={group}
              day={day}
              cooperativeName={cooperative.name}
            />
          ))}
        </>
      )}
    </>
  );
}

function PackingSheet({ group, day, cooperativeName }: { group: PackingGroup; day: string; cooperativeName: string }) {
  const { t } = useTranslation();
  const itemText = useItemText();
  const id = `packing-${group.pickup_point?.id ?? "delivery"}`;
  const point = group.pickup_point;

  return (
    <article className="packing-sheet" aria-labelledby={id}>
      <header className="packing-sheet__header">
        <p className="packing-sheet__day">
          {t("packingList.heading", { date: day })} · {cooperativeName}
        </p>
        <h2 id={id}>
          {group.kind === "pickup" && point
            ? t("packingList.pickupGroup", { name: point.name })
            : t("packingList.deliveryGroup")}
        </h2>
        {point ? (
          <p className="packing-sheet__where">
            {t("packingList.address", { address: point.address })}
            {point.hours ? (
              <>
                <br />
                {t("packingList.hours", { hours: point.hours })}
              </>
            ) : null}
          </p>
        ) : null}
      </header>

      <h3>{t("packingList.totalsTitle")}</h3>
      <table className="packing-table">
        <thead>
          <tr>
            <th scope="col">{t("packingList.produce")}</th>
            <th scope="col">{t("packingList.amount")}</th>
            <th scope="col" className="packing-table__tick">
              {t("packingList.done")}
            </th>
          </tr>
        </thead>
        <tbody>
          {group.totals.map((total, index) => {
            const unit = knownUnit(total.unit);
            return (
              <tr key={`${total.title}-${total.variant_title ?? ""}-${index}`}>
                <td>
                  {total.title}
                  {total.variant_title && total.variant_title !== "标准" ? ` · ${total.variant_title}` : ""}
                </td>
                <td className="packing-table__quantity">
                  {total.quantity}
                  {unit ? ` ${t(`units.${unit}`)}` : ""}
                </td>
                <td className="packing-table__tick">
                  <span className="tick-box" aria-hidden="true" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{t("packingList.ordersTitle", { count: group.orders.length })}</h3>
      <ol className="packing-orders">
        {group.orders.map((order) => (
          <li key={order.id} className="packing-order">
            <span className="tick-box" aria-hidden="true" />
            <div>
              <p className="packing-order__who">
                {t("packingList.orderLine", { number: order.display_id, name: order.buyer.name })}
                {order.buyer.phone ? ` · ${order.buyer.phone}` : ""}
              </p>
              {order.buyer.address ? (
                <p className="packing-order__address">{order.buyer.address.text ?? order.buyer.address.address}</p>
              ) : null}
              <ul className="packing-order__items">
                {order.items.map((item, index) => (
                  <li key={index}>{itemText(item)}</li>
                ))}
              </ul>
            </div>
          </li>
        ))}
      </ol>
    </article>
  );
}
