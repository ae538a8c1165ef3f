import { createCookieSessionStorage, redirect, type Session } from "@remix-run/node";

import { env } from "../env.server";
import type { Notice } from "./notice";

type BuyerData = {
  /** The Medusa cart, created on the first "add to cart". */
  cartId: string;
  /** How many pieces the cart holds, for the header; refreshed by every cart change. */
  cartCount: number;
  /** The customer's JWT from `/auth/customer/emailpass`, when signed in. */
  customerToken: string;
  /** The customer's e-mail address, for the header and the checkout form. */
  customerEmail: string;
};
type FlashData = { notice: Notice };

export type BuyerSession = Session<BuyerData, FlashData>;

// A cart is worth keeping for a month; the customer token inside dies sooner at the backend (Medusa's
// jwtExpiresIn, one day), and a refused token is simply forgotten.
const COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

/**
 * The buyer's cookie: signed and httpOnly, holding the cart id and, once signed in, the customer's
 * token. Nothing else about the buyer is stored; pages ask the backend.
 */
export function createBuyerSessions({ secret, secure }: { secret: string; secure: boolean }) {
  const storage = createCookieSessionStorage<BuyerData, FlashData>({
    cookie: {
      name: "__tianyuan_buyer",
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      secrets: [secret],
      maxAge: COOKIE_MAX_AGE_SECONDS,
    },
  });

  return {
    getBuyerSession: (request: Request): Promise<BuyerSession> => storage.getSession(request.headers.get("Cookie")),
    commitBuyerSession: (session: BuyerSession): Promise<string> => storage.commitSession(session),
    destroyBuyerSession: (session: BuyerSession): Promise<string> => storage.destroySession(session),
  };
}

export const { getBuyerSession, commitBuyerSession, destroyBuyerSession } = createBuyerSessions({
  secret: env.SESSION_SECRET,
  secure: env.NODE_ENV === "production",
});

/** A redirect that also saves what the action changed in the buyer's cookie. */
export async function redirectWithSession(to: string, session: BuyerSession): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await commitBuyerSession(session) } });
}

/** Headers that save the buyer's cookie, for a page or an action that answers data. */
export async function sessionHeaders(session: BuyerSession): Promise<Headers> {
  return new Headers({ "Set-Cookie": await commitBuyerSession(session) });
}

/** The cart's piece count from a cart Medusa answered (line quantities summed). */
export function countPieces(items: readonly { quantity: number }[] | null | undefined): number {
  return (items ?? []).reduce((sum, item) => sum + item.quantity, 0);
}

/** The cart is done with (completed, or unknown to the backend): the next add starts a new one. */
export function forgetCart(session: BuyerSession): void {
  session.unset("cartId");
  session.unset("cartCount");
}
