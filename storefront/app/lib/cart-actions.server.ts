import type { Locale } from "@tianyuan/web-common/locale.ts";

import { countPieces, forgetCart, type BuyerSession } from "./buyer-session.server";
import { cartApi, type MedusaCart } from "./cart.server";
import { formErrorText, type FormErrorKey } from "./forms.server";
import { isBuyerRefusal, isStoreError, speaksToBuyer, type StoreError } from "./store-api.server";

// What the cart's forms do, for /cart/add and /cart alike: the cart id and piece count live in the
// buyer's cookie (`session`), which the caller commits.

type Access = { locale: Locale; token?: string | undefined };

export function accessOf(session: BuyerSession, locale: Locale): Access {
  return { locale, token: session.get("customerToken") };
}

/**
 * The buyer's message for a refused cart change: ours as the backend wrote it (already in the
 * buyer's language), Medusa's own (English, generic) replaced by ours.
 */
export function refusalMessage(
  error: StoreError,
  locale: Locale,
  { available }: { available?: number | null } = {},
): string {
  if (speaksToBuyer(error)) return error.message;
  return stockMessage(locale, /inventory|stock/i.test(error.message) ? "outOfStock" : "cartChangeRefused", available);
}

/** "只剩 3 件了" when the page knows what is left, else the plain text of `key`. */
export function stockMessage(locale: Locale, key: FormErrorKey, available: number | null | undefined): string {
  if (key === "outOfStock" && typeof available === "number") {
    return available > 0 ? formErrorText(locale, "onlyLeft", { count: available }) : formErrorText(locale, "soldOut");
  }
  return formErrorText(locale, key);
}

function remember(session: BuyerSession, cart: MedusaCart | null) {
  if (!cart) return;
  session.set("cartId", cart.id);
  session.set("cartCount", countPieces(cart.items));
}

/** A cart the buyer can still add to: unknown or completed carts are forgotten. */
async function usableCart(session: BuyerSession, access: Access): Promise<string | null> {
  const cartId = session.get("cartId");
  if (!cartId) return null;
  const cart = await cartApi.findCart(cartId, access);
  if (cart && !cart.completed_at) return cart.id;
  forgetCart(session);
  return null;
}

export type CartChange = { ok: true; count: number } | { ok: false; error: StoreError };

/**
 * Adds produce, creating the cart on the first add. A cart that has gone (completed in another tab,
 * a fresh database) is replaced by a new one, once.
 */
export async function addToCart(
  session: BuyerSession,
  line: { variantId: string; quantity: number },
  locale: Locale,
): Promise<CartChange> {
  const access = accessOf(session, locale);
  const existing = session.get("cartId");
  if (existing) {
    try {
      const cart = await cartApi.addLine(existing, line, access);
      remember(session, cart);
      return { ok: true, count: session.get("cartCount") ?? 0 };
    } catch (error) {
      if (!isBuyerRefusal(error)) throw error;
      // Refused because of the produce (stock, unknown variant), or because the cart is gone?
      if ((await usableCart(session, access)) !== null) return { ok: false, error };
    }
  }
  try {
    const cart = await cartApi.createCart(access);
    remember(session, cart);
    remember(session, await cartApi.addLine(cart.id, line, access));
    return { ok: true, count: session.get("cartCount") ?? 0 };
  } catch (error) {
    if (isBuyerRefusal(error)) return { ok: false, error };
    throw error;
  }
}

/** A new quantity for a line; 0 removes it. */
export async function changeQuantity(
  session: BuyerSession,
  lineId: string,
  quantity: number,
  locale: Locale,
): Promise<CartChange> {
  const cartId = session.get("cartId");
  if (!cartId) return { ok: true, count: 0 };
  const access = accessOf(session, locale);
  try {
    remember(
      session,
      quantity === 0 ? await cartApi.removeLine(cartId, lineId, access) : await cartApi.updateLine(cartId, lineId, quantity, access),
    );
    return { ok: true, count: session.get("cartCount") ?? 0 };
  } catch (error) {
    if (isBuyerRefusal(error)) return { ok: false, error };
    throw error;
  }
}

export async function removeLine(session: BuyerSession, lineId: string, locale: Locale): Promise<CartChange> {
  return changeQuantity(session, lineId, 0, locale);
}

/** Delivery or a pickup point for one cooperative of the cart. */
export async function chooseShipping(session: BuyerSession, optionId: string, locale: Locale): Promise<CartChange> {
  const cartId = session.get("cartId");
  if (!cartId) return { ok: true, count: 0 };
  try {
    await cartApi.chooseShipping(cartId, optionId, accessOf(session, locale));
    return { ok: true, count: session.get("cartCount") ?? 0 };
  } catch (error) {
    if (isBuyerRefusal(error)) return { ok: false, error };
    throw error;
  }
}

/** The cart's view for a page; a cart the backend no longer knows is forgotten (null). */
export async function loadCartView(session: BuyerSession, locale: Locale) {
  const cartId = session.get("cartId");
  if (!cartId) return null;
  try {
    const view = await cartApi.findCartView(cartId, accessOf(session, locale));
    if (view === null) forgetCart(session);
    else session.set("cartCount", view.groups.reduce<number>((sum, group) => sum + countPieces(group.items), 0));
    return view;
  } catch (error) {
    // A completed cart: our route may refuse it (400/409) rather than answer 404.
    if (isStoreError(error) && (error.status === 400 || error.status === 409)) {
      forgetCart(session);
      return null;
    }
    throw error;
  }
}
