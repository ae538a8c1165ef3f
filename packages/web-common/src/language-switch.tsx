import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { otherLocale, type Locale } from "./locale.ts";

/**
 * A one-button form, so switching works without JavaScript: POST /lang sets the `lng` cookie and
 * redirects back here. The button names the other language in that language ("English" / "中文").
 */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const target = otherLocale(locale);

  return (
    <Form method="post" action="/lang" className="language-switch" aria-label={t("languageSwitch.label")}>
      <input type="hidden" name="lng" value={target} />
      <input type="hidden" name="redirectTo" value={`${pathname}${search}`} />
      <button type="submit" className="button button--quiet" lang={target}>
        {t("languageSwitch.target")}
      </button>
    </Form>
  );
}
