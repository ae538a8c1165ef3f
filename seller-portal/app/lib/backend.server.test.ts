import { describe, expect, it, vi } from "vitest";

import { BackendError, createBackendCaller, isBackendError } from "./backend.server";

const backendUrl = "http://backend.test:9000";

function backendAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request);
  });
  return { callBackend: createBackendCaller({ backendUrl, fetchImpl }), requests };
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("createBackendCaller", () => {
  it("sends the member's token, the language and a JSON body", async () => {
    const { callBackend, requests } = backendAnswering(() => Response.json({ member: { id: "mem_1" } }));
    const answer = await callBackend("/portal/me", {
      method: "PATCH",
      body: { real_name: "李秀英" },
      token: "jwt-1",
      locale: "en",
    });
    expect(answer).toEqual({ member: { id: "mem_1" } });
    const [request] = requests;
    expect(request?.url).toBe(`${backendUrl}/portal/me`);
    expect(request?.method).toBe("PATCH");
    expect(request?.headers.get("authorization")).toBe("Bearer jwt-1");
    expect(request?.headers.get("x-tianyuan-locale")).toBe("en");
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(await request?.json()).toEqual({ real_name: "李秀英" });
  });

  it("sends the publishable key to store routes and no token when there is none", async () => {
    const { callBackend, requests } = backendAnswering(() => Response.json({ areas: [] }));
    await callBackend("/store/areas", { publishableKey: "pk_1", locale: "zh-CN" });
    expect(requests[0]?.headers.get("x-publishable-api-key")).toBe("pk_1");
    expect(requests[0]?.headers.has("authorization")).toBe(false);
    expect(requests[0]?.headers.has("content-type")).toBe(false);
  });

  it("sends a multipart form as it is, letting it set its own boundary", async () => {
    const { callBackend, requests } = backendAnswering(() => Response.json({ photos: [] }, { status: 201 }));
    const form = new FormData();
    form.append("photos", new File(["jpeg bytes"], "apple.jpg", { type: "image/jpeg" }));
    await callBackend("/portal/media/photos", { method: "POST", upload: { body: form }, token: "jwt-1", locale: "en" });
    const [request] = requests;
    expect(request?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.headers.get("authorization")).toBe("Bearer jwt-1");
    const file = (await request?.formData())?.get("photos");
    expect(file instanceof File ? [file.name, await file.text()] : null).toEqual(["apple.jpg", "jpeg bytes"]);
  });

  it("streams a browser's multipart body through with its content type", async () => {
    const { callBackend, requests } = backendAnswering(() => Response.json({ photos: [] }, { status: 201 }));
    const body = new Blob(["--x\r\nbody\r\n--x--\r\n"]).stream();
    await callBackend("/portal/media/photos", {
      method: "POST",
      upload: { body, contentType: "multipart/form-data; boundary=x" },
      token: "jwt-1",
      locale: "zh-CN",
    });
    expect(requests[0]?.headers.get("content-type")).toBe("multipart/form-data; boundary=x");
    expect(await requests[0]?.text()).toBe("--x\r\nbody\r\n--x--\r\n");
  });

  it("answers an empty object for an empty success (202 with no body)", async () => {
    const { callBackend } = backendAnswering(() => new Response(null, { status: 202 }));
    expect(await callBackend("/portal/members/password-reset", { method: "POST", body: {}, locale: "zh-CN" })).toEqual(
      {},
    );
  });

  it("turns an error answer into BackendError with its code and translated message", async () => {
    const { callBackend } = backendAnswering(() =>
      Response.json(
        { type: "invalid_data", code: "identifier_taken", message: "这个邮箱或手机号已经注册过了，请直接登录。" },
        { status: 409 },
      ),
    );
    const error = await thrownBy(
      callBackend("/portal/members/register", { method: "POST", body: {}, locale: "zh-CN" }),
    );
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({
      status: 409,
      code: "identifier_taken",
      message: "这个邮箱或手机号已经注册过了，请直接登录。",
    });
    expect(isBackendError(error, 409)).toBe(true);
    expect(isBackendError(error, 404)).toBe(false);
  });

  it("marks errors without a code (Medusa's own routes) as unknown", async () => {
    const { callBackend } = backendAnswering(
      () => new Response("Unauthorized", { status: 401, statusText: "Unauthorized" }),
    );
    const error = await thrownBy(callBackend("/auth/member/emailpass", { method: "POST", body: {}, locale: "en" }));
    expect(error).toMatchObject({ status: 401, code: "unknown", message: "Unauthorized" });
  });

  it.each([
    ["refuses connections", () => Promise.reject(new TypeError("fetch failed"))],
    ["answers 503", () => new Response("starting", { status: 503 })],
    ["answers 502 from a proxy", () => new Response("bad gateway", { status: 502 })],
  ])("answers 503 when the backend %s", async (_case, answer) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { callBackend } = backendAnswering(answer);
    const error = await thrownBy(callBackend("/portal/me", { token: "jwt", locale: "zh-CN" }));
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(503);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
