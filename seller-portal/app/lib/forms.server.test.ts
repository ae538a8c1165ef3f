import { describe, expect, it } from "vitest";
import { z } from "zod";

import { formError, readForm } from "./forms.server";

const schema = z.object({
  name: z.string(formError("realNameInvalid")).min(1, formError("realNameInvalid")),
  code: z.string().regex(/^\d+$/),
  secret: z.string().optional(),
});

function form(entries: [string, string | Blob][]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

describe("readForm", () => {
  it("echoes only the listed fields", () => {
    const submission = readForm(
      schema,
      form([
        ["name", ""],
        ["code", "12"],
        ["secret", "hunter2"],
      ]),
      "en",
      ["name", "code"],
    );
    expect(submission.ok ? null : submission.failure.values).toEqual({ name: "", code: "12" });
  });

  it("says 'something is wrong' for a rule without its own message", () => {
    const submission = readForm(
      schema,
      form([
        ["name", "李"],
        ["code", "x"],
      ]),
      "zh-CN",
      [],
    );
    expect(submission.ok ? null : submission.failure.fieldErrors).toEqual({ code: "填写的内容有误，请检查后再提交。" });
  });

  it("ignores uploaded files, which no account or village form has", () => {
    const submission = readForm(
      schema,
      form([
        ["name", "李"],
        ["code", "1"],
        ["secret", new Blob(["x"])],
      ]),
      "zh-CN",
      [],
    );
    expect(submission.ok && submission.data).toEqual({ name: "李", code: "1" });
  });
});
