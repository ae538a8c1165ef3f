import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { defaultLocale } from "@tianyuan/web-common/locale.ts";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";
import { RouteErrorPage, routeErrorTitle } from "@tianyuan/web-common/route-error.tsx";
import { SiteShell } from "@tianyuan/web-common/site-shell.tsx";
import { TranslationProvider } from "@tianyuan/web-common/translation-provider.tsx";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { AccountNavLink, CartLink, NoticeBanner } from "./components/buyer-header";
import { SearchBox } from "./components/search-box";
import { translations } from "./i18n/translations.server";
import { commitBuyerSession, getBuyerSession } from "./lib/buyer-session.server";
import stylesheetUrl from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheetUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  // The buyer's cookie says how full the cart is and whether they are signed in: no backend call.
  const session = await getBuyerSession(request);
  const notice = session.get("notice") ?? null;
  const buyer = { cartCount: session.get("cartCount") ?? 0, signedIn: session.has("customerToken") };
  // Only this locale's bundle is sent; the browser never downloads the other language.
  const body = { locale, translation: translations[locale], buyer, notice };
  // A notice is shown once: reading it spends it.
  return notice ? data(body, { headers: { "Set-Cookie": await commitBuyerSession(session) } }) : body;
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
            <SiteShell
              locale={root.locale}
              actions={<CartLink count={root.buyer.cartCount} />}
              nav={
                <>
                  <SearchBox />
                  <StorefrontNav signedIn={root.buyer.signedIn} />
                </>
              }
            >
              <NoticeBanner notice={root.notice} />
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

function StorefrontNav({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="site-nav" aria-label={t("nav.label")}>
      <ul>
        <li>
          <NavLink to="/areas">{t("nav.areas")}</NavLink>
        </li>
        <li>
          <AccountNavLink signedIn={signedIn} />
        </li>
      </ul>
    </nav>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <RouteErrorPage translated={useRouteLoaderData<typeof loader>("root") !== undefined} />;
}
