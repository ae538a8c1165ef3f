import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { getBuyerSession, redirectWithSession } from "../lib/buyer-session.server";

/**
 * Logging out forgets the token (the backend keeps no session to end) and the cart with it: that
 * cart is the customer's now, not the next person's at this phone.
 */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getBuyerSession(request);
  for (const key of ["customerToken", "customerEmail", "cartId", "cartCount"] as const) session.unset(key);
  session.flash("notice", { key: "loggedOut" });
  return redirectWithSession("/", session);
}

/** Logging out is a POST; opening /account/logout just goes home. */
export function loader() {
  return redirect("/");
}
