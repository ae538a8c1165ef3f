import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { Locale } from "../i18n/locale";
import { LanguageSwitch } from "./language-switch";

export function SiteShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-name">
            {t("app.name")}
          </Link>
          <LanguageSwitch locale={locale} />
        </div>
      </header>
      <main className="site-main">{children}</main>
      <footer className="site-footer">
        <p>{t("footer.about")}</p>
      </footer>
    </>
  );
}
