import { useFetcher } from "@remix-run/react";
import { formatFen } from "@tianyuan/web-common/money.ts";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { deliveryWaitsForAddress, type CooperativeGroup, type ShippingChoice } from "../lib/cart";
import { useHydrated } from "../lib/hydrated";
import { FetcherMarker } from "./fetcher-marker";

/** What a shipping choice's action answers a fetcher. */
export type ShippingChoiceResult = { intent: "shipping"; ok: boolean; error?: string };

/**
 * One cooperative's delivery or pickup choice, on the cart and the checkout page. Without JavaScript
 * the buyer ticks one and presses "确定"; with it a tick saves at once. A pickup point shows its
 * place, opening hours and instructions; delivery shows its fee (listed once the address has a province).
 */
export function ShippingChoiceForm({
  group,
  action,
  error,
}: {
  group: CooperativeGroup;
  /** The page whose action saves the choice (`/cart`, `/checkout`). */
  action: string;
  /** A refusal of a plain (no JavaScript) post, already in the buyer's language. */
  error?: string | null;
}) {
  const fetcher = useFetcher<ShippingChoiceResult>();
  const hydrated = useHydrated();
  const { t } = useTranslation();
  const { cooperative, options, selectedOptionId } = group;
  const shownError = (fetcher.state === "idle" && fetcher.data?.ok === false ? fetcher.data.error : null) ?? error;

  return (
    <fetcher.Form method="post" action={action} className="shipping-choice">
      <FetcherMarker />
      <input type="hidden" name="intent" value="shipping" />
      <input type="hidden" name="cooperative_id" value={cooperative.id} />
      {/* Uncontrolled radios: a tick shows at once; a new choice from the server remounts them. */}
      <fieldset key={selectedOptionId ?? "none"}>
        <legend>{t("shipping.legend", { cooperative: cooperative.name })}</legend>
        {options.length === 0 ? <p className="shipping-choice__hint">{t("shipping.none")}</p> : null}
        {options.map((option) => (
          <label key={option.id} className="shipping-choice__option">
            <input
              type="radio"
              name="option_id"
              value={option.id}
              defaultChecked={selectedOptionId === option.id}
              onChange={(event) => {
                // With JavaScript a tick saves at once; without it the "确定" button below does.
                if (hydrated) fetcher.submit(event.currentTarget.form);
              }}
            />
            <ShippingChoiceText option={option} />
          </label>
        ))}
        {deliveryWaitsForAddress(group) ? <p className="shipping-choice__hint">{t("shipping.deliveryAfterAddress")}</p> : null}
        {hydrated ? (
          <p className="shipping-choice__saved" role="status">
            {fetcher.state !== "idle" ? t("shipping.saving") : fetcher.data?.ok ? t("shipping.saved") : null}
          </p>
        ) : null}
      </fieldset>
      {shownError ? (
        <p className="form-error" role="alert">
          {shownError}
        </p>
      ) : null}
      {hydrated ? null : (
        <button type="submit" className="button button--secondary" name="save" value="1">
          {t("shipping.save", { cooperative: cooperative.name })}
        </button>
      )}
    </fetcher.Form>
  );
}

export function ShippingChoiceText({ option }: { option: Pick<ShippingChoice, "kind" | "name" | "amountFen" | "pickupPoint"> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fee = option.amountFen === 0 ? t("shipping.free") : formatFen(option.amountFen, locale);
  return (
    <span className="shipping-choice__text">
      <span className="shipping-choice__name">
        {shippingLabel(t, option)} · {fee}
      </span>
      {option.pickupPoint ? <PickupPointDetails point={option.pickupPoint} /> : null}
    </span>
  );
}

/** "送货上门" in the buyer's language, or "自提：<the pickup point's name>". */
export function shippingLabel(
  t: ReturnType<typeof useTranslation>["t"],
  option: Pick<ShippingChoice, "kind" | "name" | "pickupPoint">,
): string {
  return option.kind === "pickup" ? t("shipping.pickup", { name: option.pickupPoint?.name ?? option.name }) : t("shipping.delivery");
}

export function PickupPointDetails({ point }: { point: NonNullable<ShippingChoice["pickupPoint"]> }) {
  const { t } = useTranslation();
  return (
    <span className="pickup-point">
      {point.address ? <span>{t("shipping.place", { address: point.address })}</span> : null}
      {point.hours ? <span>{t("shipping.hours", { hours: point.hours })}</span> : null}
      {point.instructions ? <span>{t("shipping.instructions", { instructions: point.instructions })}</span> : null}
    </span>
  );
}
