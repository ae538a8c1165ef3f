import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { NoticeBanner } from "../components/notice-banner";
import { useRoleNames } from "../components/role-names";
import { checkBackendHealth } from "../lib/backend-health.server";
import { medusa } from "../lib/medusa.server";
import { homeMenuLinks, type MenuLink } from "../lib/member-permissions";
import type { Notice } from "../lib/notice";
import type { MemberRole, PortalMe, VerificationStatus } from "../lib/portal-members";
import { getMemberToken, requireMember, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request }: LoaderFunctionArgs) {
  if ((await getMemberToken(request)) === undefined) {
    return { signedIn: false as const, backend: await checkBackendHealth(medusa) };
  }
  const me = await requireMember(request);
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      signedIn: true as const,
      member: { realName: me.member.real_name, verification: me.member.verification_status },
      scopes: { villages: me.villages, areas: me.areas, cooperatives: me.cooperatives },
      menuLinks: homeMenuLinks(me),
      notice,
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation) return [];
  return [{ title: translation.app.name }, { name: "description", content: translation.app.tagline }];
};

export default function PortalHome() {
  const home = useLoaderData<typeof loader>();
  return home.signedIn ? <MemberHome {...home} /> : <Welcome backend={home.backend} />;
}

const AUDIENCES = ["farmer", "coopManager", "official", "villager"] as const;

function Welcome({ backend }: { backend: "up" | "down" }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="page-intro">
        <h1>{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
      </section>
      <p className="button-row">
        <Link to="/login" className="button">
          {t("home.logIn")}
        </Link>
        <Link to="/register" className="button button--secondary">
          {t("home.register")}
        </Link>
      </p>
      <section className="audiences" aria-labelledby="audiences-title">
        <h2 id="audiences-title">{t("home.audienceTitle")}</h2>
        <ul className="audience-list">
          {AUDIENCES.map((audience) => (
            <li key={audience} className="audience">
              <h3>{t(`home.${audience}.title`)}</h3>
              <p>{t(`home.${audience}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <p className={`backend-status backend-status--${backend}`} role="status">
        {backend === "up" ? t("home.backendUp") : t("home.backendDown")}
      </p>
    </>
  );
}

function MemberHome({
  member,
  scopes,
  menuLinks,
  notice,
}: {
  member: { realName: string; verification: VerificationStatus };
  scopes: Pick<PortalMe, "villages" | "areas" | "cooperatives">;
  menuLinks: MenuLink[];
  notice: Notice | null;
}) {
  const { t } = useTranslation();
  const hasScopes = scopes.villages.length + scopes.areas.length + scopes.cooperatives.length > 0;

  return (
    <>
      <NoticeBanner notice={notice} />
      <section className="page-intro">
        <h1>{t("memberHome.greeting", { name: member.realName })}</h1>
        <p className={`verification verification--${member.verification}`}>
          {t("memberHome.verification", { status: t(`verification.${member.verification}`) })}
        </p>
      </section>

      <nav aria-labelledby="menus-title" className="home-menus">
        <h2 id="menus-title">{t("memberHome.menusTitle")}</h2>
        <ul className="menu-grid">
          {menuLinks.map((link) => (
            <li key={link.key}>
              <Link to={link.to} className="menu-button">
                <span className="menu-button__label">{t(`menus.${link.label}`)}</span>
                {link.detail ? <span className="menu-button__detail">{link.detail}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="scopes-title" className="home-scopes">
        <h2 id="scopes-title">{t("memberHome.scopesTitle")}</h2>
        {hasScopes ? null : <p>{t("memberHome.noScopes")}</p>}
        <ScopeList
          title={t("memberHome.villagesTitle")}
          scopes={scopes.villages.map((village) => ({ key: village.code, ...village }))}
        />
        <ScopeList
          title={t("memberHome.areasTitle")}
          scopes={scopes.areas.map((area) => ({ key: area.code, ...area }))}
        />
        <ScopeList
          title={t("memberHome.cooperativesTitle")}
          scopes={scopes.cooperatives.map((cooperative) => ({
            key: cooperative.id,
            ...cooperative,
            to: `/cooperatives/${encodeURIComponent(cooperative.id)}`,
          }))}
        />
      </section>
    </>
  );
}

function ScopeList({
  title,
  scopes,
}: {
  title: string;
  scopes: { key: string; name: string; roles: MemberRole[]; to?: string }[];
}) {
  const roleNames = useRoleNames();
  if (scopes.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="scope-list">
        {scopes.map((scope) => (
          <li key={scope.key}>
            {scope.to ? (
              <Link to={scope.to} className="scope-list__name">
                {scope.name}
              </Link>
            ) : (
              <span className="scope-list__name">{scope.name}</span>
            )}
            <span className="scope-list__roles">{roleNames(scope.roles)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
