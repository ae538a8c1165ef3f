import { describe, expect, it } from "vitest";

import { countPieces, createBuyerSessions, forgetCart } from "./buyer-session.server";

const sessions = createBuyerSessions({ secret: "a-test-secret-of-at-least-32-characters", secure: true });

function requestWith(cookie: string) {
  return new Request("http://storefront.test/cart", { headers: { Cookie: cookie.split(";")[0] ?? "" } });
}

describe("the buyer's cookie", () => {
  it("keeps the cart id and the customer's token in a signed, httpOnly cookie", async () => {
    const session = await sessions.getBuyerSession(new Request("http://storefront.test/"));
    session.set("cartId", "cart_1");
    session.set("cartCount", 3);
    session.set("customerToken", "jwt");
    const cookie = await sessions.commitBuyerSession(session);

    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).not.toContain("cart_1");
    const again = await sessions.getBuyerSession(requestWith(cookie));
    expect([again.get("cartId"), again.get("cartCount"), again.get("customerToken")]).toEqual(["cart_1", 3, "jwt"]);
  });

  it("ignores a cookie signed with another secret", async () => {
    const other = createBuyerSessions({ secret: "another-secret-of-at-least-32-characters", secure: false });
    const session = await other.getBuyerSession(new Request("http://storefront.test/"));
    session.set("cartId", "cart_forged");
    const cookie = await other.commitBuyerSession(session);
    expect((await sessions.getBuyerSession(requestWith(cookie))).get("cartId")).toBeUndefined();
  });

  it("forgets a finished cart but keeps the customer signed in", async () => {
    const session = await sessions.getBuyerSession(new Request("http://storefront.test/"));
    session.set("cartId", "cart_1");
    session.set("cartCount", 2);
    session.set("customerToken", "jwt");
    forgetCart(session);
    expect([session.get("cartId"), session.get("cartCount"), session.get("customerToken")]).toEqual([undefined, undefined, "jwt"]);
  });

  it("counts the pieces in a cart", () => {
    expect(countPieces([{ quantity: 2 }, { quantity: 3 }])).toBe(5);
    expect(countPieces(null)).toBe(0);
  });
});
