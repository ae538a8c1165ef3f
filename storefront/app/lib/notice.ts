/**
 * A one-time message for the next page ("已加入购物车"), kept in the buyer's cookie until shown.
 * Each kind carries exactly what its text needs.
 */
export type Notice =
  | { key: "addedToCart"; title: string; quantity: number }
  | { key: "loggedIn" | "registered" | "loggedOut" | "cartAttached" };
