import { createCookieSessionStorage, redirect, type Session } from "@remix-run/node";
import { localeFromRequest } from "@tianyuan/web-common/locale.server.ts";

import { env } from "../env.server";
import { isBackendError } from "./backend.server";
import type { Notice } from "./notice";
import { portalApi } from "./medusa.server";
import type { MemberAccess, PortalApi } from "./portal-api.server";
import type { PortalMe } from "./portal-members";

type SessionData = { memberToken: string };
type FlashData = { notice: Notice };
type MemberSession = Session<SessionData, FlashData>;

// As long as the backend's token lives (Medusa's default jwtExpiresIn is one day); an older token
// would only be refused.
const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24;

/**
 * The member's session: a signed, httpOnly cookie holding the JWT the backend gave at login.
 * Nothing else about the member is stored; `/portal/me` is asked on every page that needs it, so a
 * revoked role disappears at once.
 */
export function createMemberSessions({
  secret,
  secure,
  portalApi,
}: {
  secret: string;
  secure: boolean;
  portalApi: Pick<PortalApi, "getMe">;
}) {
  const storage = createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: "__tianyuan_member",
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      secrets: [secret],
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  });

  const sessionOf = (request: Request) => storage.getSession(request.headers.get("Cookie"));

  async function getMemberToken(request: Request): Promise<string | undefined> {
    return (await sessionOf(request)).get("memberToken");
  }

  /** To the login page, coming back here afterwards; a token the backend refused is forgotten. */
  async function logInAgain(request: Request): Promise<Response> {
    const { pathname, search } = new URL(request.url);
    const target = `${pathname}${search}`;
    const loginUrl = target === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(target)}`;
    const session = await sessionOf(request);
    if (!session.has("memberToken")) return redirect(loginUrl);
    return redirect(loginUrl, { headers: { "Set-Cookie": await storage.destroySession(session) } });
  }

  /** The token and language for the member's backend calls; without a session, off to log in. */
  async function requireMemberAccess(request: Request): Promise<MemberAccess> {
    const token = await getMemberToken(request);
    if (!token) throw await logInAgain(request);
    return { token, locale: localeFromRequest(request) };
  }

  /** Runs backend calls for the member; a token the backend no longer accepts (401) means logging in again. */
  async function asMember<T>(request: Request, work: (access: MemberAccess) => Promise<T>): Promise<T> {
    const access = await requireMemberAccess(request);
    try {
      return await work(access);
    } catch (error) {
      if (isBackendError(error, 401)) throw await logInAgain(request);
      throw error;
    }
  }

  /** The signed-in member's `/portal/me`; redirects to `/login?redirectTo=…` when there is none. */
  function requireMember(request: Request): Promise<PortalMe> {
    return asMember(request, (access) => portalApi.getMe(access));
  }

  async function startMemberSession(request: Request, token: string, redirectTo: string, notice?: Notice) {
    const session = await sessionOf(request);
    session.set("memberToken", token);
    if (notice) session.flash("notice", notice);
    return redirect(redirectTo, { headers: { "Set-Cookie": await storage.commitSession(session) } });
  }

  /** Logging out forgets the token: the backend keeps no session to end. */
  async function endMemberSession(request: Request) {
    return redirect("/", { headers: { "Set-Cookie": await storage.destroySession(await sessionOf(request)) } });
  }

  async function redirectWithNotice(request: Request, to: string, notice: Notice) {
    const session = await sessionOf(request);
    session.flash("notice", notice);
    return redirect(to, { headers: { "Set-Cookie": await storage.commitSession(session) } });
  }

  /** The notice left for this page, if any; send `headers` with the page so it is shown only once. */
  async function takeNotice(request: Request): Promise<{ notice: Notice | null; headers: Headers }> {
    const session: MemberSession = await sessionOf(request);
    const notice = session.get("notice") ?? null;
    const headers = new Headers();
    if (notice) headers.set("Set-Cookie", await storage.commitSession(session));
    return { notice, headers };
  }

  return {
    getMemberToken,
    requireMemberAccess,
    asMember,
    requireMember,
    logInAgain,
    startMemberSession,
    endMemberSession,
    redirectWithNotice,
    takeNotice,
  };
}

export const {
  getMemberToken,
  requireMemberAccess,
  asMember,
  requireMember,
  startMemberSession,
  endMemberSession,
  redirectWithNotice,
  takeNotice,
} = createMemberSessions({
  secret: env.SESSION_SECRET,
  secure: env.NODE_ENV === "production",
  portalApi,
});
