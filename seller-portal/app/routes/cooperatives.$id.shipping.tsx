import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { CooperativeNav, FetcherMarker } from "../components/cooperative-orders";
import { FormError, FormField, SelectField, TextAreaField } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { isBackendError, notFoundWhenMissing } from "../lib/backend.server";
import { shippingPath } from "../lib/cooperative-paths";
import { backendFailure, readForm, type FormFailure } from "../lib/forms.server";
import { cooperativeApi, ordersApi, storeAreas } from "../lib/medusa.server";
import type { Notice } from "../lib/notice";
import {
  deliveryRateFormSchema,
  pickupPointEcho,
  pickupPointFormSchema,
  sentByFetcher,
  shippingFieldForBackendCode,
  shippingIntentSchema,
} from "../lib/order-forms.server";
import { asMember, redirectWithNotice, requireMemberAccess, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const { locale } = await requireMemberAccess(request);
  // Managers only: the backend answers anyone else 404, as for an unknown cooperative.
  const [standing, pickupPoints, rates, provinces] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([
        cooperativeApi.getStanding(access, cooperativeId),
        ordersApi.listPickupPoints(access, cooperativeId),
        ordersApi.listDeliveryRates(access, cooperativeId),
        storeAreas.listProvinces(locale),
      ]),
    ),
  );
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      cooperative: { id: standing.cooperative.id, name: standing.cooperative.name },
      pickupPoints,
      rates,
      provinces: provinces.map((province) => ({ value: province.code, label: province.name })),
      notice,
    },
    { headers },
  );
}

type ShippingResult = {
  intent: "add_pickup_point" | "set_rate" | "remove_rate";
  failure: FormFailure<string> | null;
  done: Notice | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const { locale } = await requireMemberAccess(request);
  const formData = await request.formData();
  const parsed = shippingIntentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { intent } = parsed.data;
  const answer = (outcome: Omit<ShippingResult, "intent">, status = 200) =>
    data<ShippingResult>({ intent, ...outcome }, { status });

  let done: Notice;
  try {
    if (intent === "add_pickup_point") {
      const submission = readForm(pickupPointFormSchema, formData, locale, pickupPointEcho);
      if (!submission.ok) return answer({ failure: submission.failure, done: null }, 400);
      try {
        await notFoundWhenMissing(asMember(request, (access) => ordersApi.addPickupPoint(access, cooperativeId, submission.data)));
      } catch (error) {
        if (!isBackendError(error) || error.status >= 500) throw error;
        return answer({ failure: backendFailure(error, submission.values, {}), done: null }, error.status);
      }
      done = { key: "pickupPointAdded", name: submission.data.name };
    } else {
      // The backend replaces the whole table, so one province's change is made on the table as it is now.
      const current = await notFoundWhenMissing(
        asMember(request, (access) => ordersApi.listDeliveryRates(access, cooperativeId)),
      );
      const others = (code: string) =>
        current
          .filter((rate) => rate.province_code !== code)
          .map(({ province_code, amount_fen }) => ({ province_code, amount_fen }));
      if (parsed.data.intent === "remove_rate") {
        const code = parsed.data.province_code;
        const removed = current.find((rate) => rate.province_code === code);
        await notFoundWhenMissing(asMember(request, (access) => ordersApi.setDeliveryRates(access, cooperativeId, others(code))));
        done = { key: "deliveryRateRemoved", province: removed?.province_name ?? code };
      } else {
        const submission = readForm(deliveryRateFormSchema, formData, locale, ["province_code", "fee"]);
        if (!submission.ok) return answer({ failure: submission.failure, done: null }, 400);
        const { province_code, fee } = submission.data;
        let saved;
        try {
          saved = await notFoundWhenMissing(
            asMember(request, (access) =>
              ordersApi.setDeliveryRates(access, cooperativeId, [...others(province_code), { province_code, amount_fen: fee }]),
            ),
          );
        } catch (error) {
          if (!isBackendError(error) || error.status >= 500) throw error;
          return answer(
            { failure: backendFailure(error, submission.values, shippingFieldForBackendCode), done: null },
            error.status,
          );
        }
        done = {
          key: "deliveryRateSaved",
          province: saved.find((rate) => rate.province_code === province_code)?.province_name ?? province_code,
        };
      }
    }
  } catch (error) {
    // No stock location yet (409) and the like: the backend's words above the forms.
    if (!isBackendError(error) || error.status >= 500 || error.status === 404) throw error;
    return answer({ failure: { values: {}, fieldErrors: {}, formError: error.message }, done: null }, error.status);
  }
  if (sentByFetcher(formData)) return answer({ failure: null, done });
  return redirectWithNotice(request, shippingPath(cooperativeId), done);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.shippingSettings.title} · ${data.cooperative.name} · ${translation.app.name}` }];
};

type Outcome = SerializeFrom<typeof action>;

export default function ShippingSettingsPage() {
  const { cooperative, pickupPoints, rates, provinces, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const removeFetcher = useFetcher<typeof action>();
  const removeOutcome = removeFetcher.data ?? (actionData?.intent === "remove_rate" ? actionData : undefined);

  return (
    <>
      <CooperativeNav cooperativeId={cooperative.id} manager current="shipping" />
      <NoticeBanner notice={notice} />
      <section className="page-intro">
        <h1>{t("shippingSettings.title")}</h1>
        <p>{t("shippingSettings.cooperative", { name: cooperative.name })}</p>
      </section>

      <section aria-labelledby="pickup-title" className="shipping-section">
        <h2 id="pickup-title">{t("shippingSettings.pickupTitle")}</h2>
        <p className="form-page__intro">{t("shippingSettings.pickupIntro")}</p>
        {pickupPoints.length === 0 ? (
          <p className="notice">{t("shippingSettings.pickupEmpty")}</p>
        ) : (
          <ul className="record-list">
            {pickupPoints.map((point) => (
              <li key={point.id} className="record">
                <span className="record__title">{point.name}</span>
                <span className="record__message">{point.address}</span>
                {point.hours ? (
                  <span className="record__meta">{t("shippingSettings.pickupHours", { hours: point.hours })}</span>
                ) : null}
                {point.instructions ? (
                  <span className="record__meta">
                    {t("shippingSettings.pickupInstructions", { instructions: point.instructions })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <AddPickupPoint posted={actionData?.intent === "add_pickup_point" ? actionData : undefined} />
      </section>

      <section aria-labelledby="rates-title" className="shipping-section">
        <h2 id="rates-title">{t("shippingSettings.ratesTitle")}</h2>
        <p className="form-page__intro">{t("shippingSettings.ratesIntro")}</p>
        <SetRate provinces={provinces} posted={actionData?.intent === "set_rate" ? actionData : undefined} />
        {removeOutcome?.done ? <NoticeBanner notice={removeOutcome.done} /> : null}
        <FormError message={removeOutcome?.failure?.formError} />
        {rates.length === 0 ? (
          <p className="notice">{t("shippingSettings.ratesEmpty")}</p>
        ) : (
          <ul className="record-list rate-list">
            {rates.map((rate) => (
              <li key={rate.province_code} className="rate-row">
                <span className="rate-row__province">{rate.province_name}</span>
                <span className="rate-row__fee">{rate.amount_fen === 0 ? t("shippingSettings.free") : formatFen(rate.amount_fen, locale)}</span>
                <removeFetcher.Form method="post" className="rate-row__remove">
                  <FetcherMarker />
                  <input type="hidden" name="province_code" value={rate.province_code} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove_rate"
                    className="button button--secondary button--small"
                    aria-label={t("shippingSettings.removeRate", { province: rate.province_name })}
                    disabled={removeFetcher.state !== "idle"}
                  >
                    {t("shippingSettings.remove")}
                  </button>
                </removeFetcher.Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function AddPickupPoint({ posted }: { posted: Outcome | undefined }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const outcome = fetcher.data ?? posted;
  const values = outcome?.failure?.values ?? {};
  const errors = outcome?.failure?.fieldErrors ?? {};
  // A new, empty form after each pickup point added.
  const added = outcome?.done ? JSON.stringify(outcome.done) : "";
  return (
    <details className="form-more" open={Boolean(outcome?.failure)}>
      <summary>{t("shippingSettings.addPickupTitle")}</summary>
      {outcome?.done ? <NoticeBanner notice={outcome.done} /> : null}
      <fetcher.Form method="post" className="form form-page" key={added} noValidate>
        <FetcherMarker />
        <FormError message={outcome?.failure?.formError} />
        <FormField
          name="name"
          label={t("shippingSettings.name")}
          hint={t("shippingSettings.nameHint")}
          required
          maxLength={60}
          defaultValue={values.name ?? ""}
          error={errors.name}
        />
        <FormField
          name="address"
          label={t("shippingSettings.address")}
          required
          maxLength={200}
          autoComplete="off"
          defaultValue={values.address ?? ""}
          error={errors.address}
        />
        <FormField
          name="hours"
          label={t("shippingSettings.hours")}
          hint={t("shippingSettings.hoursHint")}
          maxLength={120}
          defaultValue={values.hours ?? ""}
          error={errors.hours}
        />
        <TextAreaField
          name="instructions"
          label={t("shippingSettings.instructions")}
          maxLength={500}
          defaultValue={values.instructions ?? ""}
          error={errors.instructions}
        />
        <button
          type="submit"
          name="intent"
          value="add_pickup_point"
          className="button button--wide"
          disabled={fetcher.state !== "idle"}
        >
          {t("shippingSettings.addPickup")}
        </button>
      </fetcher.Form>
    </details>
  );
}

function SetRate({ provinces, posted }: { provinces: { value: string; label: string }[]; posted: Outcome | undefined }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const outcome = fetcher.data ?? posted;
  const values = outcome?.failure?.values ?? {};
  const errors = outcome?.failure?.fieldErrors ?? {};
  const saved = outcome?.done ? JSON.stringify(outcome.done) : "";
  return (
    <>
      {outcome?.done ? <NoticeBanner notice={outcome.done} /> : null}
      <fetcher.Form method="post" className="form form-page rate-form" key={saved} noValidate>
        <FetcherMarker />
        <FormError message={outcome?.failure?.formError} />
        <SelectField
          name="province_code"
          label={t("shippingSettings.province")}
          placeholder={t("shippingSettings.chooseProvince")}
          options={provinces}
          required
          defaultValue={values.province_code ?? ""}
          error={errors.province_code}
        />
        <FormField
          name="fee"
          label={t("shippingSettings.fee")}
          hint={t("shippingSettings.feeHint")}
          inputMode="decimal"
          autoComplete="off"
          required
          defaultValue={values.fee ?? ""}
          error={errors.fee}
        />
        <button type="submit" name="intent" value="set_rate" className="button button--wide" disabled={fetcher.state !== "idle"}>
          {t("shippingSettings.saveRate")}
        </button>
      </fetcher.Form>
    </>
  );
}
