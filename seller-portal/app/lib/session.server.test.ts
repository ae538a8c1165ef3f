import { describe, expect, it, vi } from "vitest";

import { BackendError } from "./backend.server";
import type { PortalMe } from "./portal-members";
import { createMemberSessions } from "./session.server";

const me: PortalMe = {
  member: {
    id: "mem_1",
    real_name: "李秀英",
    login_identifier: "13800138000",
    phone: "13800138000",
    email: null,
    verification_status: "unverified",
  },
  villages: [],
  areas: [],
  cooperatives: [],
  menus: ["profile", "join_village"],
};

function sessions({ secure = false, getMe = vi.fn(async () => me) } = {}) {
  return {
    getMe,
    ...createMemberSessions({ secret: "a-test-secret-that-is-long-enough-1234", secure, portalApi: { getMe } }),
  };
}

function request(path: string, cookie?: string) {
  return new Request(`http://localhost:8001${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The cookie a response sets, as a browser would send it back. */
function cookieFrom(response: Response): string {
  return (response.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

async function signedIn(helpers: ReturnType<typeof sessions>, token = "jwt-1") {
  return cookieFrom(await helpers.startMemberSession(request("/login", "lng=en"), token, "/"));
}

describe("member sessions", () => {
  it("keep the token in a signed, httpOnly, same-site cookie and go where the login asked", async () => {
    const helpers = sessions();
    const response = await helpers.startMemberSession(request("/login"), "jwt-1", "/villages/join");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/villages/join");
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^__tianyuan_member=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain("Secure");
    expect(setCookie).not.toContain("jwt-1");
    expect(await helpers.getMemberToken(request("/", cookieFrom(response)))).toBe("jwt-1");
  });

  it("mark the cookie Secure in production", async () => {
    const response = await sessions({ secure: true }).startMemberSession(request("/login"), "jwt-1", "/");
    expect(response.headers.get("Set-Cookie")).toContain("Secure");
  });

  it("ignore a cookie signed with another secret", async () => {
    const cookie = await signedIn(sessions());
    const other = createMemberSessions({
      secret: "another-secret-that-is-long-enough-5678",
      secure: false,
      portalApi: { getMe: async () => me },
    });
    expect(await other.getMemberToken(request("/", cookie))).toBeUndefined();
  });
});

describe("requireMember", () => {
  it("answers /portal/me for the member, in their language", async () => {
    const helpers = sessions();
    const cookie = await signedIn(helpers);
    expect(await helpers.requireMember(request("/", `lng=en; ${cookie}`))).toEqual(me);
    expect(helpers.getMe).toHaveBeenCalledWith({ token: "jwt-1", locale: "en" });
  });

  it("sends someone without a session to log in, and back here afterwards", async () => {
    const helpers = sessions();
    const redirect = await thrownBy(helpers.requireMember(request("/villages/join?area=3301")));
    expect(redirect).toBeInstanceOf(Response);
    expect((redirect as Response).status).toBe(302);
    expect((redirect as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fvillages%2Fjoin%3Farea%3D3301");
    expect(helpers.getMe).not.toHaveBeenCalled();
  });

  it("sends someone whose token the backend refuses (401) to log in, forgetting the token", async () => {
    const getMe = vi.fn(async () => {
      throw new BackendError(401, "unauthorized", "请先登录。");
    });
    const helpers = sessions({ getMe });
    const cookie = await signedIn(helpers);
    const redirect = (await thrownBy(helpers.requireMember(request("/profile", cookie)))) as Response;
    expect(redirect.headers.get("Location")).toBe("/login?redirectTo=%2Fprofile");
    expect(redirect.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });

  it("goes to plain /login from the home page", async () => {
    const redirect = (await thrownBy(sessions().requireMember(request("/")))) as Response;
    expect(redirect.headers.get("Location")).toBe("/login");
  });

  it("lets other backend errors through to the page", async () => {
    const refused = new BackendError(404, "not_found", "没有找到。");
    const helpers = sessions();
    const cookie = await signedIn(helpers);
    await expect(
      helpers.asMember(request("/villages/330112101201/requests", cookie), async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
  });
});

describe("notices and logging out", () => {
  it("show a notice once", async () => {
    const helpers = sessions();
    const cookie = await signedIn(helpers);
    const withNotice = cookieFrom(
      await helpers.redirectWithNotice(request("/villages/join", cookie), "/villages/join", { key: "joinRequested" }),
    );
    const first = await helpers.takeNotice(request("/villages/join", withNotice));
    expect(first.notice).toEqual({ key: "joinRequested" });
    const afterwards = cookieFrom(new Response(null, { headers: first.headers }));
    expect((await helpers.takeNotice(request("/villages/join", afterwards))).notice).toBeNull();
    // The session itself survives the notice.
    expect(await helpers.getMemberToken(request("/", afterwards))).toBe("jwt-1");
  });

  it("forget the token when logging out", async () => {
    const helpers = sessions();
    const cookie = await signedIn(helpers);
    const response = await helpers.endMemberSession(request("/logout", cookie));
    expect(response.headers.get("Location")).toBe("/");
    expect(await helpers.getMemberToken(request("/", cookieFrom(response)))).toBeUndefined();
  });
});
