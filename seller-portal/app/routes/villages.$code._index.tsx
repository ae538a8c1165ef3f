import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useRoleNames } from "../components/role-names";
import { env } from "../env.server";
import { canDecideJoinRequests, canSeeVillageMembers, memberVillage } from "../lib/member-permissions";
import { requireMember } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireMember(request);
  const code = params.code ?? "";
  const village = memberVillage(me, code);
  // Not one of the member's villages looks exactly like no such village.
  if (!village) throw new Response("Not Found", { status: 404 });
  return {
    village: { code: village.code, name: village.name, roles: village.roles },
    publicPageUrl: village.handle ? `${env.STOREFRONT_URL}/villages/${encodeURIComponent(village.handle)}` : null,
    links: {
      requests: canDecideJoinRequests(me, code),
      members: canSeeVillageMembers(me, code),
    },
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation && data ? [{ title: `${data.village.name} · ${translation.app.name}` }] : [];
};

export default function MyVillagePage() {
  const { village, publicPageUrl, links } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const roleNames = useRoleNames();

  return (
    <>
      <section className="page-intro">
        <h1>{village.name}</h1>
        <p>{t("village.myRoles", { roles: roleNames(village.roles) })}</p>
      </section>
      <ul className="menu-grid">
        {links.requests ? (
          <li>
            <Link to={`/villages/${village.code}/requests`} className="menu-button">
              <span className="menu-button__label">{t("menus.joinRequests")}</span>
            </Link>
          </li>
        ) : null}
        {links.members ? (
          <li>
            <Link to={`/villages/${village.code}/members`} className="menu-button">
              <span className="menu-button__label">{t("menus.villageMembers")}</span>
            </Link>
          </li>
        ) : null}
      </ul>
      <p>
        {publicPageUrl ? (
          // The public page lives in the storefront, a different app: a plain link.
          <a href={publicPageUrl} className="button button--secondary">
            {t("village.publicPage")}
          </a>
        ) : (
          t("village.notPublicYet")
        )}
      </p>
    </>
  );
}
