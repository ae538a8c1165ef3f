import { describe, expect, it } from "vitest";

import {
  areaCovers,
  canDecideJoinRequests,
  canRevokeMemberships,
  canSeeVillageMembers,
  canVerifyMembers,
  homeMenuLinks,
  isRevocableRole,
  officialAreaCovering,
} from "./member-permissions";
import type { PortalMe } from "./portal-members";

const shuangmiao = "330112101201";
const shangtian = "330112101202";

function me(fields: Partial<PortalMe>): PortalMe {
  return {
    member: {
      id: "mem_1",
      real_name: "李秀英",
      login_identifier: "13800138000",
      phone: null,
      email: null,
      verification_status: "verified",
    },
    villages: [],
    areas: [],
    cooperatives: [],
    menus: ["profile", "join_village"],
    ...fields,
  };
}

const secretary = me({
  villages: [{ code: shuangmiao, name: "双庙村", handle: "shuangmiao", roles: ["villager", "secretary"] }],
  menus: ["profile", "join_village", "my_villages", "join_requests", "village_members"],
});
const villager = me({
  villages: [{ code: shuangmiao, name: "双庙村", handle: "shuangmiao", roles: ["villager"] }],
  menus: ["profile", "join_village", "my_villages"],
});
const countyOfficial = me({
  areas: [{ code: "330112", name: "临安区", level: "county", roles: ["official"] }],
  menus: ["profile", "join_village", "village_members", "area_overview"],
});

describe("areaCovers", () => {
  it("covers the area itself and everything below it, nothing beside it", () => {
    expect(areaCovers("330112", shuangmiao)).toBe(true);
    expect(areaCovers(shuangmiao, shuangmiao)).toBe(true);
    expect(areaCovers("330113", shuangmiao)).toBe(false);
    expect(areaCovers(shuangmiao, "330112")).toBe(false);
  });
});

describe("who may do what in a village", () => {
  it("lets a secretary decide, see, verify and revoke in their own village only", () => {
    expect(canDecideJoinRequests(secretary, shuangmiao)).toBe(true);
    expect(canSeeVillageMembers(secretary, shuangmiao)).toBe(true);
    expect(canVerifyMembers(secretary, shuangmiao)).toBe(true);
    expect(canRevokeMemberships(secretary, shuangmiao)).toBe(true);
    expect(canDecideJoinRequests(secretary, shangtian)).toBe(false);
    expect(canRevokeMemberships(secretary, shangtian)).toBe(false);
  });

  it("lets a committee member decide and see, but not verify or revoke", () => {
    const committee = me({ villages: [{ code: shuangmiao, name: "双庙村", handle: null, roles: ["committee"] }] });
    expect(canDecideJoinRequests(committee, shuangmiao)).toBe(true);
    expect(canSeeVillageMembers(committee, shuangmiao)).toBe(true);
    expect(canVerifyMembers(committee, shuangmiao)).toBe(false);
    expect(canRevokeMemberships(committee, shuangmiao)).toBe(false);
  });

  it("lets an official see and verify members of every village in the area, but not decide or revoke", () => {
    expect(officialAreaCovering(countyOfficial, shuangmiao)?.code).toBe("330112");
    expect(canSeeVillageMembers(countyOfficial, shuangmiao)).toBe(true);
    expect(canVerifyMembers(countyOfficial, shangtian)).toBe(true);
    expect(canDecideJoinRequests(countyOfficial, shuangmiao)).toBe(false);
    expect(canRevokeMemberships(countyOfficial, shuangmiao)).toBe(false);
    expect(canSeeVillageMembers(countyOfficial, "330113101201")).toBe(false);
  });

  it("gives a villager none of it", () => {
    expect(canDecideJoinRequests(villager, shuangmiao)).toBe(false);
    expect(canSeeVillageMembers(villager, shuangmiao)).toBe(false);
  });

  it("lets a secretary revoke only villagers and committee members", () => {
    expect(isRevocableRole("villager")).toBe(true);
    expect(isRevocableRole("committee")).toBe(true);
    expect(isRevocableRole("secretary")).toBe(false);
    expect(isRevocableRole("official")).toBe(false);
  });
});

describe("homeMenuLinks", () => {
  it("gives a new member only the profile and joining a village", () => {
    expect(homeMenuLinks(me({})).map((link) => [link.label, link.to])).toEqual([
      ["profile", "/profile"],
      ["joinVillage", "/villages/join"],
    ]);
  });

  it("gives a villager their village", () => {
    expect(homeMenuLinks(villager).map((link) => [link.label, link.detail, link.to])).toEqual([
      ["profile", null, "/profile"],
      ["myVillage", "双庙村", `/villages/${shuangmiao}`],
      ["joinVillage", null, "/villages/join"],
    ]);
  });

  it("gives a secretary the requests and the members of their village", () => {
    expect(homeMenuLinks(secretary).map((link) => link.to)).toEqual([
      "/profile",
      `/villages/${shuangmiao}`,
      `/villages/${shuangmiao}/requests`,
      `/villages/${shuangmiao}/members`,
      "/villages/join",
    ]);
  });

  it("gives an official the overview of each area they serve", () => {
    expect(homeMenuLinks(countyOfficial).map((link) => [link.label, link.detail, link.to])).toEqual([
      ["profile", null, "/profile"],
      ["areaOverview", "临安区", "/areas/330112"],
      ["joinVillage", null, "/villages/join"],
    ]);
  });

  it("gives a farmer, manager or agent the produce of each cooperative, first", () => {
    const farmer = me({
      cooperatives: [
        { id: "coop_1", name: "桐堤苹果合作社", roles: ["farmer"] },
        { id: "coop_2", name: "五常稻米合作社", roles: ["coop_manager"] },
      ],
      menus: ["profile", "join_village", "cooperative"],
    });
    expect(homeMenuLinks(farmer).map((link) => [link.label, link.detail, link.to])).toEqual([
      ["myProduce", "桐堤苹果合作社", "/cooperatives/coop_1"],
      ["myProduce", "五常稻米合作社", "/cooperatives/coop_2"],
      ["profile", null, "/profile"],
      ["joinVillage", null, "/villages/join"],
    ]);
    expect(homeMenuLinks({ ...farmer, menus: ["profile"] }).map((link) => link.label)).toEqual(["profile"]);
  });

  it("gives each cooperative its orders, and its payouts to its managers only", () => {
    const member = me({
      cooperatives: [
        { id: "coop_1", name: "桐堤苹果合作社", roles: ["farmer"] },
        { id: "coop_2", name: "五常稻米合作社", roles: ["coop_manager"] },
      ],
      menus: ["profile", "join_village", "cooperative", "cooperative_orders", "cooperative_payouts"],
    });
    expect(homeMenuLinks(member).map((link) => [link.label, link.detail, link.to])).toEqual([
      ["myProduce", "桐堤苹果合作社", "/cooperatives/coop_1"],
      ["orders", "桐堤苹果合作社", "/cooperatives/coop_1/orders"],
      ["myProduce", "五常稻米合作社", "/cooperatives/coop_2"],
      ["orders", "五常稻米合作社", "/cooperatives/coop_2/orders"],
      ["payouts", "五常稻米合作社", "/cooperatives/coop_2/payouts"],
      ["profile", null, "/profile"],
      ["joinVillage", null, "/villages/join"],
    ]);
  });

  it("shows nothing /portal/me does not list, even when the roles would allow it", () => {
    const links = homeMenuLinks({ ...secretary, menus: ["profile"] });
    expect(links.map((link) => link.label)).toEqual(["profile"]);
  });

  it("has a unique key per button", () => {
    const both = me({
      villages: [
        { code: shuangmiao, name: "双庙村", handle: null, roles: ["secretary"] },
        { code: shangtian, name: "上田村", handle: null, roles: ["committee"] },
      ],
      menus: ["profile", "join_village", "my_villages", "join_requests", "village_members"],
    });
    const keys = homeMenuLinks(both).map((link) => link.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(8);
  });
});
