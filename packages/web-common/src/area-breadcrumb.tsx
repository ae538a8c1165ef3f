import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { AreaCrumb } from "./admin-areas.ts";

/**
 * Province → … → here. `top` is the first link (all provinces); `hrefFor` says where an area links
 * to, because the storefront and the portal browse areas under different paths (undefined: no link).
 */
export function AreaBreadcrumb({
  trail,
  top,
  hrefFor,
}: {
  trail: readonly AreaCrumb[];
  top?: { label: string; to: string };
  hrefFor: (code: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("areas.breadcrumbLabel")} className="breadcrumb">
      <ol>
        {top ? (
          <li>
            <Link to={top.to}>{top.label}</Link>
          </li>
        ) : null}
        {trail.map((crumb) => {
          const href = crumb.current ? undefined : hrefFor(crumb.code);
          return (
            <li key={crumb.code}>
              {crumb.current ? (
                <span aria-current="page">{crumb.name}</span>
              ) : href === undefined ? (
                <span>{crumb.name}</span>
              ) : (
                <Link to={href}>{crumb.name}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
