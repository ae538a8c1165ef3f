import { BackendUnavailableError, type PublishableKeySource } from "@tianyuan/web-common/publishable-key.server.ts";
import { describe, expect, it, vi } from "vitest";

import { createStoreCaller, isBuyerRefusal, speaksToBuyer, StoreError } from "./store-api.server";

const backendUrl = "http://backend.test:9000";

function keys(): PublishableKeySource & { forget: ReturnType<typeof vi.fn> } {
  return { get: async () => "pk_test", forget: vi.fn() };
}

/** A stand-in for the backend's HTTP answers (the network, not our code). */
function answering(answer: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request);
  }) as typeof fetch;
  return { requests, fetchImpl };
}

async function refusedBy(answer: Promise<unknown>): Promise<StoreError> {
  try {
    await answer;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error("The call was not refused");
}

describe("createStoreCaller", () => {
  it("sends the publishable key, the buyer's language and token, and the body as JSON", async () => {
    const { requests, fetchImpl } = answering(() => Response.json({ cart: { id: "cart_1" } }));
    const call = createStoreCaller({ backendUrl, publishableKeys: keys(), fetchImpl });

    const answer = await call("/store/carts", { method: "POST", body: { email: "a@b.cn" }, token: "jwt", locale: "en" });

    expect(answer).toEqual({ cart: { id: "cart_1" } });
    const [request] = requests;
    expect(request?.url).toBe(`${backendUrl}/store/carts`);
    expect(request?.headers.get("x-publishable-api-key")).toBe("pk_test");
    expect(request?.headers.get("x-tianyuan-locale")).toBe("en");
    expect(request?.headers.get("authorization")).toBe("Bearer jwt");
    expect(await request?.json()).toEqual({ email: "a@b.cn" });
  });

  it("keeps the backend's code and translated message on a refusal", async () => {
    const { fetchImpl } = answering(() =>
      Response.json({ type: "invalid_data", code: "out_of_stock", message: "洛川红富士苹果库存不够了。" }, { status: 400 }),
    );
    const call = createStoreCaller({ backendUrl, publishableKeys: keys(), fetchImpl });

    const refusal = await refusedBy(call("/store/carts/cart_1/line-items", { method: "POST", body: {}, locale: "zh-CN" }));

    expect(refusal).toBeInstanceOf(StoreError);
    expect(refusal).toMatchObject({ status: 400, code: "out_of_stock", message: "洛川红富士苹果库存不够了。" });
    expect(speaksToBuyer(refusal)).toBe(true);
    expect(isBuyerRefusal(refusal)).toBe(true);
  });

  it("marks Medusa's own generic errors as not written for the buyer", async () => {
    const { fetchImpl } = answering(() =>
      Response.json({ type: "not_allowed", code: "invalid_request_error", message: "Cart is completed" }, { status: 400 }),
    );
    const call = createStoreCaller({ backendUrl, publishableKeys: keys(), fetchImpl });
    const refusal = await refusedBy(call("/store/carts/cart_1", { locale: "zh-CN" }));
    expect(speaksToBuyer(refusal)).toBe(false);
  });

  it("reports a backend that does not answer, or answers 503, as unavailable", async () => {
    const down = createStoreCaller({
      backendUrl,
      publishableKeys: keys(),
      fetchImpl: (async () => {
        throw new TypeError("fetch failed");
      }) as typeof fetch,
    });
    await expect(down("/store/carts", { locale: "zh-CN" })).rejects.toBeInstanceOf(BackendUnavailableError);

    const starting = createStoreCaller({ backendUrl, publishableKeys: keys(), fetchImpl: answering(() => new Response("", { status: 503 })).fetchImpl });
    await expect(starting("/store/carts", { locale: "zh-CN" })).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it("forgets a publishable key the backend rejects", async () => {
    const publishableKeys = keys();
    const { fetchImpl } = answering(() =>
      Response.json({ type: "not_allowed", message: "A valid publishable key is required to proceed with the request" }, { status: 400 }),
    );
    const call = createStoreCaller({ backendUrl, publishableKeys, fetchImpl });
    await expect(call("/store/carts", { locale: "zh-CN" })).rejects.toBeInstanceOf(BackendUnavailableError);
    expect(publishableKeys.forget).toHaveBeenCalledOnce();
  });

  it("leaves a 5xx as a bug, not a refusal the buyer can act on", async () => {
    const { fetchImpl } = answering(() => Response.json({ message: "An unknown error occurred." }, { status: 500 }));
    const call = createStoreCaller({ backendUrl, publishableKeys: keys(), fetchImpl });
    const error = await call("/store/checkouts", { method: "POST", body: {}, locale: "zh-CN" }).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(StoreError);
    expect(isBuyerRefusal(error)).toBe(false);
  });
});
