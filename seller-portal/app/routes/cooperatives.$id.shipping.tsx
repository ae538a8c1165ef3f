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
import { translations } from "../i18n/translations.server";
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
  intent: "add_pickup_point" | "edit_pickup_point" | "remove_pickup_point" | "set_rate" | "remove_rate";
  failure: FormFailure<string> | null;
  done: Notice | null;
  /** The pickup point an edit or removal was about, so its own row shows the outcome. */
  pointId?: string;
  /** Removing a pickup point asks first (the answer to the first press). */
  confirm?: { pointId: string; name: string } | null;
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
    } else if (parsed.data.intent === "edit_pickup_point") {
      const pointId = parsed.data.point_id;
      const submission = readForm(pickupPointFormSchema, formData, locale, pickupPointEcho);
      if (!submission.ok) return answer({ failure: submission.failure, done: null, pointId }, 400);
      try {
        // Not notFoundWhenMissing: a point removed meanwhile is the backend's words in its row, not a 404 page.
        await asMember(request, (access) => ordersApi.editPickupPoint(access, cooperativeId, pointId, submission.data));
      } catch (error) {
        if (!isBackendError(error) || error.status >= 500) throw error;
        return answer({ failure: backendFailure(error, submission.values, {}), done: null, pointId }, error.status);
      }
      done = { key: "pickupPointSaved", name: submission.data.name };
    } else if (parsed.data.intent === "remove_pickup_point") {
      const { point_id: pointId, confirm } = parsed.data;
      const points = await notFoundWhenMissing(asMember(request, (access) => ordersApi.listPickupPoints(access, cooperativeId)));
      const point = points.find((candidate) => candidate.id === pointId);
      const refused = (formError: string, status: number) =>
        answer({ failure: { values: {}, fieldErrors: {}, formError }, done: null, pointId }, status);
      if (!point) return refused(translations[locale].shippingSettings.pickupGone, 404);
      // First press: ask. The question posts again with confirm=1, so this works without JavaScript.
      if (confirm === "back") return answer({ failure: null, done: null, pointId });
      if (confirm !== "1") return answer({ failure: null, done: null, pointId, confirm: { pointId, name: point.name } });
      try {
        await asMember(request, (access) => ordersApi.removePickupPoint(access, cooperativeId, pointId));
      } catch (error) {
        // Orders still to be collected there (409): the backend's words in the point's row.
        if (!isBackendError(error) || error.status >= 500) throw error;
        return refused(error.message, error.status);
      }
      done = { key: "pickupPointRemoved", name: point.name };
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
  // One fetcher for all points' removals: its notice stays above the list once the point is gone.
  const removePointFetcher = useFetcher<typeof action>();
  const removePointOutcome =
    removePointFetcher.data ?? (actionData?.intent === "remove_pickup_point" ? actionData : undefined);

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
        {removePointOutcome?.done ? <NoticeBanner notice={removePointOutcome.done} /> : null}
        {removePointOutcome?.failure && !pickupPoints.some((point) => point.id === removePointOutcome.pointId) ? (
          <FormError message={removePointOutcome.failure.formError} />
        ) : null}
        {pickupPoints.length === 0 ? (
          <p className="notice">{t("shippingSettings.pickupEmpty")}</p>
        ) : (
          <ul className="record-list">
            {pickupPoints.map((point) => (
              <li key={point.id} className="record pickup-point">
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
                <EditPickupPoint
                  point={point}
                  posted={actionData?.intent === "edit_pickup_point" && actionData.pointId === point.id ? actionData : undefined}
                />
                <RemovePickupPoint
                  point={point}
                  fetcher={removePointFetcher}
                  outcome={removePointOutcome?.pointId === point.id ? removePointOutcome : undefined}
                />
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
        <PickupPointFields values={values} errors={errors} nameHint />
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

type PickupPointView = { id: string; name: string; address: string; hours: string; instructions: string };

/** A pickup point's four fields, with the backend's limits: the add form's and each point's edit form. */
function PickupPointFields({
  values,
  errors,
  idPrefix,
  nameHint = false,
}: {
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string>>;
  /** Tells apart the ids of the forms repeated on the page. */
  idPrefix?: string;
  nameHint?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        name="name"
        idPrefix={idPrefix}
        label={t("shippingSettings.name")}
        hint={nameHint ? t("shippingSettings.nameHint") : undefined}
        required
        maxLength={60}
        defaultValue={values.name ?? ""}
        error={errors.name}
      />
      <FormField
        name="address"
        idPrefix={idPrefix}
        label={t("shippingSettings.address")}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={values.address ?? ""}
        error={errors.address}
      />
      <FormField
        name="hours"
        idPrefix={idPrefix}
        label={t("shippingSettings.hours")}
        hint={t("shippingSettings.hoursHint")}
        maxLength={120}
        defaultValue={values.hours ?? ""}
        error={errors.hours}
      />
      <TextAreaField
        name="instructions"
        idPrefix={idPrefix}
        label={t("shippingSettings.instructions")}
        maxLength={500}
        defaultValue={values.instructions ?? ""}
        error={errors.instructions}
      />
    </>
  );
}

/** The point's own form, filled in with what it is now; a failed save keeps what was typed. */
function EditPickupPoint({ point, posted }: { point: PickupPointView; posted: Outcome | undefined }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof action>();
  const outcome = fetcher.data ?? posted;
  const failed = outcome?.failure ?? null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  // Saved: the form starts again from the point as it now is.
  const version = `${point.name}|${point.address}|${point.hours}|${point.instructions}`;
  const current = {
    name: values.name ?? point.name,
    address: values.address ?? point.address,
    hours: values.hours ?? point.hours,
    instructions: values.instructions ?? point.instructions,
  };
  const idPrefix = `point-${point.id}`;
  return (
    <details className="form-more pickup-point__edit" open={Boolean(failed)}>
      <summary aria-label={t("shippingSettings.editPickupLabel", { name: point.name })}>
        {t("shippingSettings.editPickupTitle")}
      </summary>
      {outcome?.done ? <NoticeBanner notice={outcome.done} /> : null}
      <fetcher.Form method="post" className="form form-page" key={version} noValidate>
        <FetcherMarker />
        <input type="hidden" name="point_id" value={point.id} />
        <FormError message={failed?.formError} />
        <PickupPointFields values={current} errors={errors} idPrefix={idPrefix} />
        <button
          type="submit"
          name="intent"
          value="edit_pickup_point"
          className="button button--wide"
          disabled={fetcher.state !== "idle"}
        >
          {t("shippingSettings.savePickup")}
        </button>
      </fetcher.Form>
    </details>
  );
}

/** Remove, then a question (posted again with confirm=1 or back), as cancelling an order asks. */
function RemovePickupPoint({
  point,
  fetcher,
  outcome,
}: {
  point: PickupPointView;
  fetcher: ReturnType<typeof useFetcher<typeof action>>;
  outcome: Outcome | undefined;
}) {
  const { t } = useTranslation();
  const busy = fetcher.state !== "idle";
  if (outcome?.confirm?.pointId === point.id) {
    return (
      <section className="confirm-panel" aria-labelledby={`confirm-remove-${point.id}`}>
        <h3 id={`confirm-remove-${point.id}`}>{t("shippingSettings.confirmRemoveTitle", { name: point.name })}</h3>
        <p>{t("shippingSettings.confirmRemoveBody")}</p>
        <fetcher.Form method="post" className="button-row">
          <FetcherMarker />
          <input type="hidden" name="intent" value="remove_pickup_point" />
          <input type="hidden" name="point_id" value={point.id} />
          {/* Focus brings the question into view wherever the manager had scrolled to. */}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
          <button type="submit" name="confirm" value="1" className="button button--danger" disabled={busy} autoFocus>
            {t("shippingSettings.confirmRemove")}
          </button>
          <button type="submit" name="confirm" value="back" className="button button--secondary" disabled={busy}>
            {t("shippingSettings.keepPickup")}
          </button>
        </fetcher.Form>
      </section>
    );
  }
  return (
    <fetcher.Form method="post" className="pickup-point__remove">
      <FetcherMarker />
      <FormError message={outcome?.failure?.formError} />
      <input type="hidden" name="point_id" value={point.id} />
      <button
        type="submit"
        name="intent"
        value="remove_pickup_point"
        className="button button--secondary button--small"
        aria-label={t("shippingSettings.removePickupLabel", { name: point.name })}
        disabled={busy}
      >
        {t("shippingSettings.removePickup")}
      </button>
    </fetcher.Form>
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
