import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { LanguageSwitch } from "./language-switch.tsx";
import type { Locale } from "./locale.ts";

/**
 * Header, main and footer of every page in both apps. `nav` goes on its own row under the header
 * (an app passes its own <nav>), `actions` sit beside the language switch.
 */
export function SiteShell({
  locale,
  nav,
  actions,
  children,
}: {
  locale: Locale;
  nav?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-name">
            {t("app.name")}
          </Link>
          <div className="site-header__actions">
            {actions}
            <LanguageSwitch locale={locale} />
          </div>
        </div>
        {nav}
      </header>
      <main className="site-main">{children}</main>
      <footer className="site-footer">
        <p>{t("footer.about")}</p>
      </footer>
    </>
  );
}
