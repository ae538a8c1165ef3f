import { describe, expect, it } from "vitest";

import {
  accountFieldForBackendCode,
  forgotPasswordFormSchema,
  loginFormSchema,
  profileFormSchema,
  registerFormSchema,
  resetPasswordFormSchema,
} from "./account-forms.server";
import { BackendError } from "./backend.server";
import { backendFailure, readForm } from "./forms.server";

type RegisterField = "real_name" | "identifier" | "password";

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

describe("the register form", () => {
  it("normalises the identifier and trims the name", () => {
    const submission = readForm(
      registerFormSchema,
      form({ real_name: "  李秀英 ", identifier: "+86 138 0013 8000", password: "tianyuan1" }),
      "zh-CN",
      ["real_name", "identifier"],
    );
    expect(submission).toEqual({
      ok: true,
      data: { real_name: "李秀英", identifier: "13800138000", password: "tianyuan1" },
      values: { real_name: "  李秀英 ", identifier: "+86 138 0013 8000" },
    });
  });

  it("says what is wrong with each field in the member's language and keeps what was typed, never the password", () => {
    const submission = readForm(
      registerFormSchema,
      form({ real_name: "   ", identifier: "1380013800", password: "short" }),
      "zh-CN",
      ["real_name", "identifier"],
    );
    expect(submission).toEqual({
      ok: false,
      failure: {
        values: { real_name: "   ", identifier: "1380013800" },
        fieldErrors: {
          real_name: "请填写真实姓名（1 到 40 个字）。",
          identifier: "请填写正确的邮箱或手机号。",
          password: "密码至少 8 位，并且要同时有字母和数字。",
        },
        formError: null,
      },
    });
  });

  it("answers in English for English readers", () => {
    const submission = readForm(
      registerFormSchema,
      form({ real_name: "Li", identifier: "x", password: "tianyuan1" }),
      "en",
      [],
    );
    expect(submission.ok ? null : submission.failure.fieldErrors).toEqual({
      identifier: "Enter a valid email address or mobile number.",
    });
  });

  it.each([
    ["a name of 41 characters", { real_name: "李".repeat(41) }, "real_name"],
    ["a password without digits", { password: "tianyuanabc" }, "password"],
    ["a password without letters", { password: "12345678" }, "password"],
    ["a missing field", { identifier: undefined }, "identifier"],
  ])("refuses %s", (_case, change, field) => {
    const fields: Record<string, string | undefined> = {
      real_name: "李秀英",
      identifier: "li@example.com",
      password: "tianyuan1",
      ...change,
    };
    const defined = Object.fromEntries(
      Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const submission = readForm(registerFormSchema, form(defined), "zh-CN", []);
    expect(submission.ok).toBe(false);
    expect(submission.ok ? {} : Object.keys(submission.failure.fieldErrors)).toEqual([field]);
  });

  it("puts the backend's refusal beside the field it is about", () => {
    const values: Partial<Record<RegisterField, string>> = { real_name: "李秀英", identifier: "13800138000" };
    const taken = new BackendError(409, "identifier_taken", "这个邮箱或手机号已经注册过了，请直接登录。");
    expect(backendFailure(taken, values, accountFieldForBackendCode)).toEqual({
      values,
      fieldErrors: { identifier: "这个邮箱或手机号已经注册过了，请直接登录。" },
      formError: null,
    });
    expect(
      backendFailure(new BackendError(400, "weak_password", "弱"), values, accountFieldForBackendCode).fieldErrors,
    ).toEqual({
      password: "弱",
    });
    expect(
      backendFailure(new BackendError(400, "invalid_real_name", "名"), values, accountFieldForBackendCode).fieldErrors,
    ).toEqual({ real_name: "名" });
  });

  it("puts a refusal about no field above the form", () => {
    const noValues: Partial<Record<RegisterField, string>> = {};
    const failure = backendFailure(
      new BackendError(400, "invalid_data", "填写的内容有误"),
      noValues,
      accountFieldForBackendCode,
    );
    expect(failure).toEqual({ values: {}, fieldErrors: {}, formError: "填写的内容有误" });
  });
});

describe("the login form", () => {
  it("does not judge the strength of an existing password, only that there is one", () => {
    const submission = readForm(loginFormSchema, form({ identifier: "LI@Example.com", password: "x" }), "zh-CN", []);
    expect(submission.ok && submission.data).toEqual({ identifier: "li@example.com", password: "x" });
    const empty = readForm(loginFormSchema, form({ identifier: "li@example.com", password: "" }), "zh-CN", []);
    expect(empty.ok ? null : empty.failure.fieldErrors).toEqual({ password: "请填写密码。" });
  });

  it("keeps the page to go back to", () => {
    const submission = readForm(
      loginFormSchema,
      form({ identifier: "13800138000", password: "x", redirectTo: "/villages/join" }),
      "zh-CN",
      [],
    );
    expect(submission.ok && submission.data.redirectTo).toBe("/villages/join");
  });
});

describe("the password forms", () => {
  it("asks for a valid identifier to send a reset to", () => {
    expect(readForm(forgotPasswordFormSchema, form({ identifier: "138 0013 8000" }), "zh-CN", []).ok).toBe(true);
    expect(readForm(forgotPasswordFormSchema, form({ identifier: "nobody" }), "zh-CN", []).ok).toBe(false);
  });

  it("needs the reset token and a strong new password", () => {
    expect(readForm(resetPasswordFormSchema, form({ token: "t0k", password: "tianyuan2" }), "zh-CN", []).ok).toBe(true);
    const missingToken = readForm(resetPasswordFormSchema, form({ token: "", password: "tianyuan2" }), "en", []);
    expect(missingToken.ok ? null : missingToken.failure.fieldErrors).toEqual({
      token: "Some of the input is not right. Please check it and send it again.",
    });
  });
});

describe("the profile form", () => {
  it("normalises a phone number and clears an empty one", () => {
    const withPhone = readForm(
      profileFormSchema,
      form({ real_name: "李秀英", phone: "+86 139-0000-1111" }),
      "zh-CN",
      [],
    );
    expect(withPhone.ok && withPhone.data).toEqual({ real_name: "李秀英", phone: "13900001111" });
    const cleared = readForm(profileFormSchema, form({ real_name: "李秀英", phone: "  " }), "zh-CN", []);
    expect(cleared.ok && cleared.data).toEqual({ real_name: "李秀英", phone: null });
  });

  it("refuses an email address or a short number as the phone", () => {
    for (const phone of ["li@example.com", "12345"]) {
      const submission = readForm(profileFormSchema, form({ real_name: "李秀英", phone }), "zh-CN", ["phone"]);
      expect(submission.ok ? null : submission.failure).toEqual({
        values: { phone },
        fieldErrors: { phone: "请填写 11 位手机号，或者留空。" },
        formError: null,
      });
    }
  });
});
