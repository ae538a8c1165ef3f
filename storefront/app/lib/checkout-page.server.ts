import type { Locale } from "@tianyuan/web-common/locale.ts";

import { accountApi } from "./account.server";
import type { BuyerSession } from "./buyer-session.server";
import { forgetCart } from "./buyer-session.server";
import type { CartView } from "./cart";
import { accessOf, loadCartView } from "./cart-actions.server";
import { cartApi, type MedusaCart } from "./cart.server";
import { addressFields, type AddressForm } from "./checkout-forms.server";
import { checkoutApi } from "./checkout.server";
import type { PaymentKind } from "./orders";
import { findArea, listProvinces } from "./store-areas.server";

// What the checkout page loads, and how its address reaches the cart (docs/api/orders.md).

export type AreaOption = { code: string; name: string };
export type AddressValues = Record<(typeof addressFields)[number], string>;
export type AreaOptions = { provinces: AreaOption[]; cities: AreaOption[]; districts: AreaOption[] };

const EMPTY_ADDRESS: AddressValues = {
  email: "",
  name: "",
  phone: "",
  province: "",
  city: "",
  district: "",
  street: "",
  detail: "",
};

export type CheckoutPage = {
  view: CartView;
  address: AddressValues;
  /** True once the cart holds an e-mail address and a complete address. */
  addressSaved: boolean;
  areas: AreaOptions;
  payments: PaymentKind[];
  signedIn: boolean;
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The address form as the cart holds it; a signed-in customer's e-mail, name and phone fill the gaps. */
function savedAddress(cart: MedusaCart, customer: { email: string; name: string; phone: string } | null): AddressValues {
  const address = cart.shipping_address;
  const metadata = address?.metadata ?? {};
  return {
    email: cart.email ?? customer?.email ?? "",
    name: address?.first_name ?? customer?.name ?? "",
    phone: address?.phone ?? customer?.phone ?? "",
    province: text(metadata.province_code),
    city: text(metadata.city_code),
    district: text(metadata.district_code),
    street: address?.address_1 ?? "",
    detail: address?.address_2 ?? "",
  };
}

const toOptions = (areas: readonly { code: string; name: string }[]): AreaOption[] =>
  areas.map(({ code, name }) => ({ code, name }));

/** The provinces, and the cities and districts below what is chosen so far, for the three selects. */
export async function areaOptionsFor(values: Pick<AddressValues, "province" | "city">, locale: Locale): Promise<AreaOptions> {
  const [provinces, province, city] = await Promise.all([
    listProvinces(locale),
    /^\d{2}$/.test(values.province) ? findArea(values.province, locale) : null,
    /^\d{4}$/.test(values.city) && values.city.startsWith(values.province) ? findArea(values.city, locale) : null,
  ]);
  return {
    provinces: toOptions(provinces),
    cities: toOptions(province?.children ?? []),
    districts: toOptions(city?.children ?? []),
  };
}

/** Null when there is nothing to check out (no cart, an empty or a completed one): the cart page says so. */
export async function loadCheckoutPage(session: BuyerSession, locale: Locale): Promise<CheckoutPage | null> {
  const cartId = session.get("cartId");
  if (!cartId) return null;
  const access = accessOf(session, locale);
  const [cart, view, customer] = await Promise.all([
    cartApi.findCart(cartId, access),
    loadCartView(session, locale),
    access.token ? accountApi.me(access.token, locale) : null,
  ]);
  if (!cart || cart.completed_at || !view || view.groups.length === 0) {
    if (!cart || cart.completed_at) forgetCart(session);
    return null;
  }
  const address = { ...EMPTY_ADDRESS, ...savedAddress(cart, customer) };
  const [areas, payments] = await Promise.all([
    areaOptionsFor(address, locale),
    checkoutApi.paymentChoices(cart.region_id, access),
  ]);
  return {
    view,
    address,
    addressSaved: !view.missing.includes("email") && !view.missing.includes("address"),
    areas,
    payments,
    signedIn: Boolean(access.token),
  };
}

/**
 * The area names for the chosen codes, read from the area data: the district with its parents.
 * Null when the district is unknown or not inside the chosen city and province.
 */
export async function resolveAreas(
  address: Pick<AddressForm, "province" | "city" | "district">,
  locale: Locale,
): Promise<{ province: string; city: string; district: string } | null> {
  const found = await findArea(address.district, locale);
  if (!found) return null;
  const province = found.area.parents.find((parent) => parent.code === address.province);
  const city = found.area.parents.find((parent) => parent.code === address.city);
  if (!province || !city) return null;
  return { province: province.name, city: city.name, district: found.area.name };
}

/**
 * `POST /store/carts/:id` with the e-mail and the shipping address (docs/api/orders.md): names for
 * people and Medusa, the three area codes in metadata for our checks and the delivery fee.
 */
export async function saveAddress(
  session: BuyerSession,
  address: AddressForm,
  names: { province: string; city: string; district: string },
  locale: Locale,
) {
  const cartId = session.get("cartId");
  if (!cartId) return;
  await cartApi.updateCart(
    cartId,
    {
      email: address.email,
      shipping_address: {
        first_name: address.name,
        phone: address.phone,
        province: names.province,
        city: names.city,
        address_1: address.street,
        address_2: address.detail,
        country_code: "cn",
        metadata: {
          province_code: address.province,
          city_code: address.city,
          district_code: address.district,
          district: names.district,
        },
      },
    },
    accessOf(session, locale),
  );
}
