import { describe, expect, it } from "vitest";

import { readForm } from "./forms.server";
import {
  joinRequestDecisionFormSchema,
  joinRequestFormSchema,
  villageMemberActionFormSchema,
} from "./village-forms.server";

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

describe("the join request form", () => {
  it("takes a village code and an optional message, dropping an empty one", () => {
    const withMessage = readForm(
      joinRequestFormSchema,
      form({ village_code: "330112101201", message: " 我是三组的 " }),
      "zh-CN",
      [],
    );
    expect(withMessage.ok && withMessage.data).toEqual({ village_code: "330112101201", message: "我是三组的" });
    const without = readForm(joinRequestFormSchema, form({ village_code: "330112101201", message: "  " }), "zh-CN", []);
    expect(without.ok && without.data).toEqual({ village_code: "330112101201", message: undefined });
  });

  it("refuses a code that is not a village's and a message that is too long", () => {
    expect(readForm(joinRequestFormSchema, form({ village_code: "330112101" }), "zh-CN", []).ok).toBe(false);
    const long = readForm(
      joinRequestFormSchema,
      form({ village_code: "330112101201", message: "字".repeat(501) }),
      "zh-CN",
      ["message"],
    );
    expect(long.ok ? null : long.failure.fieldErrors).toEqual({ message: "留言最多 500 个字。" });
  });
});

describe("the join request decision", () => {
  it("is approve or decline of one request", () => {
    expect(joinRequestDecisionFormSchema.parse({ decision: "approve", request_id: "jreq_1" })).toEqual({
      decision: "approve",
      request_id: "jreq_1",
    });
    expect(joinRequestDecisionFormSchema.safeParse({ decision: "delete", request_id: "jreq_1" }).success).toBe(false);
    expect(joinRequestDecisionFormSchema.safeParse({ decision: "approve" }).success).toBe(false);
  });
});

describe("the village member actions", () => {
  it("set a verification status", () => {
    expect(
      villageMemberActionFormSchema.parse({ intent: "verification", member_id: "mem_1", status: "verified" }),
    ).toEqual({
      intent: "verification",
      member_id: "mem_1",
      status: "verified",
    });
    expect(
      villageMemberActionFormSchema.safeParse({ intent: "verification", member_id: "mem_1", status: "unverified" })
        .success,
    ).toBe(false);
  });

  it("revoke a membership only once confirmed", () => {
    expect(villageMemberActionFormSchema.parse({ intent: "revoke", membership_id: "mbr_1" })).toEqual({
      intent: "revoke",
      membership_id: "mbr_1",
    });
    expect(
      villageMemberActionFormSchema.parse({ intent: "revoke", membership_id: "mbr_1", confirm: "1" }),
    ).toMatchObject({
      confirm: "1",
    });
    expect(
      villageMemberActionFormSchema.safeParse({ intent: "revoke", membership_id: "mbr_1", confirm: "yes" }).success,
    ).toBe(false);
    expect(villageMemberActionFormSchema.safeParse({ intent: "promote", membership_id: "mbr_1" }).success).toBe(false);
  });
});
