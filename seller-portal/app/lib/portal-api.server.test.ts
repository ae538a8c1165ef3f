import { describe, expect, it, vi } from "vitest";

import type { BackendRequest } from "./backend.server";
import { createPortalApi } from "./portal-api.server";

const access = { token: "jwt-1", locale: "zh-CN" as const };

const member = {
  id: "mem_1",
  real_name: "李秀英",
  login_identifier: "13800138000",
  phone: "13800138000",
  email: null,
  verification_status: "verified",
};

function backendAnswering(answer: unknown) {
  const calls: [string, BackendRequest][] = [];
  const callBackend = vi.fn(async (path: string, request: BackendRequest) => {
    calls.push([path, request]);
    return answer;
  });
  return { api: createPortalApi(callBackend), calls };
}

describe("createPortalApi", () => {
  it("logs in at Medusa's member route and answers the token", async () => {
    const { api, calls } = backendAnswering({ token: "jwt-new" });
    expect(await api.logIn({ email: "13800138000", password: "tianyuan1" }, "en")).toBe("jwt-new");
    expect(calls).toEqual([
      [
        "/auth/member/emailpass",
        { method: "POST", body: { email: "13800138000", password: "tianyuan1" }, locale: "en" },
      ],
    ]);
  });

  it("reads /portal/me, leaving out menus this portal does not know", async () => {
    const { api, calls } = backendAnswering({
      member,
      memberships: [],
      villages: [{ code: "330112101201", name: "双庙村", handle: null, roles: ["villager", "secretary"] }],
      areas: [],
      cooperatives: [{ id: "coop_1", name: "双庙合作社", roles: ["farmer"] }],
      menus: ["profile", "join_village", "notices_from_the_future", "my_villages"],
    });
    const me = await api.getMe(access);
    expect(me.menus).toEqual(["profile", "join_village", "my_villages"]);
    expect(me.villages[0]).toEqual({
      code: "330112101201",
      name: "双庙村",
      handle: null,
      roles: ["villager", "secretary"],
    });
    expect(calls[0]).toEqual(["/portal/me", { token: "jwt-1", locale: "zh-CN" }]);
  });

  it("refuses a /portal/me answer with a role it does not know, rather than guessing", async () => {
    const { api } = backendAnswering({
      member,
      villages: [{ code: "1", name: "x", handle: null, roles: ["mayor"] }],
      areas: [],
      cooperatives: [],
      menus: [],
    });
    await expect(api.getMe(access)).rejects.toThrow();
  });

  it("pairs each member's roles with the memberships granting them", async () => {
    const { api, calls } = backendAnswering({
      members: [{ ...member, roles: ["villager", "committee"], membership_ids: ["mbr_1", "mbr_2"] }],
    });
    const [villageMember] = await api.listVillageMembers(access, "330112101201");
    expect(villageMember?.memberships).toEqual([
      { id: "mbr_1", role: "villager" },
      { id: "mbr_2", role: "committee" },
    ]);
    expect(calls[0]?.[0]).toBe("/portal/villages/330112101201/members");
  });

  it("asks for a village's requests by status and decides one", async () => {
    const joinRequest = {
      id: "jreq_1",
      village_code: "330112101201",
      village_name: "双庙村",
      member: { id: "mem_2", real_name: "王建国", verification_status: "unverified" },
      message: null,
      status: "approved",
      created_at: "2025-03-01T02:00:00.000Z",
      decided_at: "2025-03-02T02:00:00.000Z",
    };
    const { api, calls } = backendAnswering({ join_request: joinRequest, join_requests: [joinRequest] });
    await api.listVillageJoinRequests(access, "330112101201", "pending");
    expect(await api.decideJoinRequest(access, "330112101201", "jreq_1", "approve")).toEqual(joinRequest);
    expect(calls.map(([path, request]) => [request.method ?? "GET", path])).toEqual([
      ["GET", "/portal/villages/330112101201/join-requests?status=pending"],
      ["POST", "/portal/villages/330112101201/join-requests/jreq_1/approve"],
    ]);
  });

  it("escapes ids it puts into paths", async () => {
    const { api, calls } = backendAnswering({});
    await api.revokeMembership(access, "330112101201", "mbr_1/../../x");
    expect(calls[0]).toEqual([
      "/portal/villages/330112101201/memberships/mbr_1%2F..%2F..%2Fx",
      { method: "DELETE", token: "jwt-1", locale: "zh-CN" },
    ]);
  });

  it("sends the profile and the join request as the contract names them", async () => {
    const { api, calls } = backendAnswering({ member });
    await api.updateMe(access, { real_name: "李秀英", phone: null });
    await api.askToJoin(access, { village_code: "330112101201", message: "我是三组的" });
    expect(calls.map(([path, request]) => [request.method, path, request.body])).toEqual([
      ["PATCH", "/portal/me", { real_name: "李秀英", phone: null }],
      ["POST", "/portal/join-requests", { village_code: "330112101201", message: "我是三组的" }],
    ]);
  });
});
