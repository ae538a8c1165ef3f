import { redirect } from "@remix-run/node";

/** The account's one page so far is the order history. */
export function loader() {
  return redirect("/account/orders");
}
