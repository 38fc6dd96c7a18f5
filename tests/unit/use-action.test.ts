import { describe, expect, it, vi } from "vitest";

const toastError = vi.fn();
vi.mock("@/components/ui/toast", () => ({ toast: { error: (message: string) => toastError(message) } }));

const { callAction, UNREACHABLE } = await import("@/components/forms/use-action");

function recorder() {
  const pending: boolean[] = [];
  return { pending, setPending: (p: boolean) => void pending.push(p) };
}

describe("calling a server action from the browser", () => {
  it("clears the busy state and shows one message when the call throws", async () => {
    toastError.mockClear();
    const { pending, setPending } = recorder();
    const onSuccess = vi.fn();
    const failing = async () => {
      throw new TypeError("Failed to fetch");
    };
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    const result = await callAction(failing, [], { onSuccess }, setPending);
    expect(pending).toEqual([true, false]);
    expect(result).toEqual(UNREACHABLE);
    expect(onSuccess).not.toHaveBeenCalled();
    expect(toastError).toHaveBeenCalledTimes(1);
    expect(toastError).toHaveBeenCalledWith(UNREACHABLE.message);
  });

  it("shows a refusal once: in a toast by default, or only where the caller shows it", async () => {
    toastError.mockClear();
    const refused = async () => ({ ok: false as const, code: "forbidden" as const, message: "Team management is limited to owners and admins." });
    await callAction(refused, [], {}, () => {});
    expect(toastError).toHaveBeenCalledTimes(1);

    toastError.mockClear();
    const inForm = vi.fn();
    const { pending, setPending } = recorder();
    await callAction(refused, [], { onRefusal: inForm }, setPending);
    expect(inForm).toHaveBeenCalledTimes(1);
    expect(inForm.mock.calls[0]![0]).toMatchObject({ code: "forbidden" });
    expect(toastError).not.toHaveBeenCalled();
    expect(pending).toEqual([true, false]);
  });

  it("hands the data and the call's arguments to onSuccess", async () => {
    const onSuccess = vi.fn();
    const action = async (slug: string, input: { memberId: string }) => ({ ok: true as const, data: { removed: `${slug}/${input.memberId}` } });
    const args: [string, { memberId: string }] = ["acme", { memberId: "m1" }];
    const result = await callAction(action, args, { onSuccess }, () => {});
    expect(result).toEqual({ ok: true, data: { removed: "acme/m1" } });
    expect(onSuccess).toHaveBeenCalledWith({ removed: "acme/m1" }, "acme", { memberId: "m1" });
  });
});
