import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { Notice } from "../lib/notice";

/** The header's cart link with the number of pieces in the cart (updated by every cart change). */
export function CartLink({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Link to="/cart" className="cart-link" aria-label={t("cart.linkLabel", { count })}>
      <span aria-hidden="true">{t("cart.link")}</span>
      <span className="cart-link__count" aria-hidden="true">
        {count}
      </span>
    </Link>
  );
}

/** "我的订单" once signed in, "登录" before. */
export function AccountNavLink({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return signedIn ? (
    <NavLink to="/account/orders">{t("account.ordersLink")}</NavLink>
  ) : (
    <NavLink to="/account/login">{t("account.loginLink")}</NavLink>
  );
}

/** The one-time message an action left for the next page ("已加入购物车"). */
export function NoticeBanner({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  if (!notice) return null;
  const text =
    notice.key === "addedToCart"
      ? t("notices.addedToCart", { title: notice.title, quantity: notice.quantity })
      : t(`notices.${notice.key}`);
  return (
    <p className="notice-banner" role="status">
      {text}
      {notice.key === "addedToCart" ? (
        <>
          {" "}
          <Link to="/cart">{t("addToCart.viewCart")}</Link>
        </>
      ) : null}
    </p>
  );
}
