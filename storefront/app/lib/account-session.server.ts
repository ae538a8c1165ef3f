import { redirect } from "@remix-run/node";
import type { Locale } from "@tianyuan/web-common/locale.ts";

import { commitBuyerSession, forgetCart, getBuyerSession, type BuyerSession } from "./buyer-session.server";
import { cartApi } from "./cart.server";
import { isBuyerRefusal } from "./store-api.server";

/**
 * Signs the customer in on this cookie. A guest's cart becomes the customer's
 * (`POST /store/carts/:id/customer`), so what they put in it before logging in stays; a cart the
 * backend no longer accepts is forgotten.
 */
export async function startCustomerSession(
  session: BuyerSession,
  customer: { token: string; email: string },
  locale: Locale,
): Promise<void> {
  session.set("customerToken", customer.token);
  session.set("customerEmail", customer.email);
  const cartId = session.get("cartId");
  if (!cartId) return;
  try {
    await cartApi.attachCustomer(cartId, { locale, token: customer.token });
  } catch (error) {
    if (!isBuyerRefusal(error)) throw error;
    forgetCart(session);
  }
}

/** The signed-in customer's token; without one (or with one the backend refused), off to log in. */
export async function requireCustomerToken(request: Request): Promise<{ token: string; session: BuyerSession }> {
  const session = await getBuyerSession(request);
  const token = session.get("customerToken");
  if (!token) throw await logInAgain(request, session);
  return { token, session };
}

/**
 * To the login page, coming back here afterwards. A refused (expired) token is forgotten; the cart
 * stays, and logging in again attaches it to the customer once more.
 */
export async function logInAgain(request: Request, session: BuyerSession): Promise<Response> {
  const { pathname, search } = new URL(request.url);
  const loginUrl = `/account/login?redirectTo=${encodeURIComponent(`${pathname}${search}`)}`;
  if (!session.has("customerToken")) return redirect(loginUrl);
  session.unset("customerToken");
  session.unset("customerEmail");
  return redirect(loginUrl, { headers: { "Set-Cookie": await commitBuyerSession(session) } });
}
