import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { SharedTranslation } from "./shared-translations.ts";

export type RouteErrorKind = "notFound" | "unavailable" | "server";

/** 404 and 503 get their own words; anything else is "something went wrong". */
export function routeErrorKind(error: unknown): RouteErrorKind {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return "notFound";
    if (error.status === 503) return "unavailable";
  }
  return "server";
}

/** The page title for an error, for the root `meta`. */
export function routeErrorTitle(errors: SharedTranslation["errors"], error: unknown): string {
  const kind = routeErrorKind(error);
  if (kind === "notFound") return errors.notFoundTitle;
  if (kind === "unavailable") return errors.unavailableTitle;
  return errors.serverTitle;
}

/**
 * The root ErrorBoundary of both apps. `translated` is false only when the root loader itself
 * failed, so no bundle arrived: then both languages are shown, hard-coded.
 */
export function RouteErrorPage({ translated }: { translated: boolean }) {
  const kind = routeErrorKind(useRouteError());
  return translated ? <TranslatedError kind={kind} /> : <UntranslatedError kind={kind} />;
}

function TranslatedError({ kind }: { kind: RouteErrorKind }) {
  const { t } = useTranslation();
  return (
    <section className="notice">
      <h1>{t(`errors.${kind}Title`)}</h1>
      <p>{t(`errors.${kind}Body`)}</p>
      <p>
        <Link to="/" className="button">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}

function UntranslatedError({ kind }: { kind: RouteErrorKind }) {
  return (
    <main className="site-main notice">
      <h1>{kind === "notFound" ? "找不到这个页面 · Page not found" : "出了点问题 · Something went wrong"}</h1>
      <p>
        <a href="/" className="button">
          回到首页 · Home
        </a>
      </p>
    </main>
  );
}
