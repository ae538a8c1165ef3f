import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Shown, with status 503, when the store's backend cannot be reached. */
export function BackendUnavailable() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <section className="notice" role="status">
      <h1>{t("backendUnavailable.title")}</h1>
      <p>{t("backendUnavailable.body")}</p>
      <p>
        {/* A plain link: reloading must work without JavaScript too. */}
        <a href={`${pathname}${search}`} className="button">
          {t("backendUnavailable.retry")}
        </a>
      </p>
    </section>
  );
}
