import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";

import { SiteShell } from "./components/site-shell";
import { createI18n } from "./i18n/i18n";
import { defaultLocale, type Locale } from "./i18n/locale";
import { localeFromRequest } from "./i18n/locale.server";
import { translations } from "./i18n/translations.server";
import type { Translation } from "./i18n/zh-CN";
import stylesheetUrl from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheetUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  // Only this locale's bundle is sent; the browser never downloads the other language.
  return { locale, translation: translations[locale] };
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!data) return [{ title: "田园 · Tianyuan" }];
  const { app, errors } = data.translation;
  if (!error) return [{ title: app.name }];
  const heading = isNotFound(error) ? errors.notFoundTitle : errors.serverTitle;
  return [{ title: `${heading} · ${app.name}` }];
};

function isNotFound(error: unknown): boolean {
  return isRouteErrorResponse(error) && error.status === 404;
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang={root?.locale ?? defaultLocale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {root ? (
          <Translated locale={root.locale} translation={root.translation}>
            <SiteShell locale={root.locale}>{children}</SiteShell>
          </Translated>
        ) : (
          children
        )}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Translated({
  locale,
  translation,
  children,
}: {
  locale: Locale;
  translation: Translation;
  children: ReactNode;
}) {
  // Rebuilt only when the language changes, not on every revalidation of the root loader.
  const i18n = useMemo(() => createI18n(locale, translation), [locale]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const hasTranslations = useRouteLoaderData<typeof loader>("root") !== undefined;
  const notFound = isNotFound(error);
  return hasTranslations ? <TranslatedError notFound={notFound} /> : <UntranslatedError notFound={notFound} />;
}

function TranslatedError({ notFound }: { notFound: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="notice">
      <h1>{notFound ? t("errors.notFoundTitle") : t("errors.serverTitle")}</h1>
      <p>{notFound ? t("errors.notFoundBody") : t("errors.serverBody")}</p>
      <p>
        <Link to="/" className="button">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}

/** Only when the root loader itself failed, so no bundle arrived: both languages, hard-coded. */
function UntranslatedError({ notFound }: { notFound: boolean }) {
  return (
    <main className="site-main notice">
      <h1>{notFound ? "找不到这个页面 · Page not found" : "出了点问题 · Something went wrong"}</h1>
      <p>
        <a href="/" className="button">
          回到首页 · Home
        </a>
      </p>
    </main>
  );
}
