import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { defaultLocale } from "@tianyuan/web-common/locale.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { RouteErrorPage, routeErrorTitle } from "@tianyuan/web-common/route-error.tsx";
import { SiteShell } from "@tianyuan/web-common/site-shell.tsx";
import { TranslationProvider } from "@tianyuan/web-common/translation-provider.tsx";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { translations } from "./i18n/translations.server";
import { getMemberToken } from "./lib/session.server";
import stylesheetUrl from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheetUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  // Only this locale's bundle is sent; the browser never downloads the other language.
  // Signed in means "has a session": the pages that need the member check it with the backend.
  return { locale, translation: translations[locale], signedIn: (await getMemberToken(request)) !== undefined };
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!data) return [{ title: "田园 · Tianyuan" }];
  const { app, errors } = data.translation;
  if (!error) return [{ title: app.name }];
  return [{ title: `${routeErrorTitle(errors, error)} · ${app.name}` }];
};

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
          <TranslationProvider locale={root.locale} translation={root.translation}>
            <SiteShell locale={root.locale} actions={<AccountAction signedIn={root.signedIn} />}>
              {children}
            </SiteShell>
          </TranslationProvider>
        ) : (
          children
        )}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

/**
 * Log out, as a POST so a link preview cannot log anyone out. Signed out there is nothing here: the
 * home page offers logging in and registering, and every other page sends you to log in.
 */
function AccountAction({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  if (!signedIn) return null;
  return (
    <Form method="post" action="/logout" className="logout-form">
      <button type="submit" className="button button--quiet">
        {t("account.logOut")}
      </button>
    </Form>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorPage translated={useRouteLoaderData<typeof loader>("root") !== undefined} />;
}
