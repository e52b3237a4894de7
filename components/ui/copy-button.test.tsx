// @vitest-environment happy-dom
import "@/components/test-support/dom";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CopyButton } from "./copy-button";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("CopyButton", () => {
  it("copies its value, says so on the button and to a screen reader, then offers to copy again", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<CopyButton value="curl -X POST https://example.com/graphql" label="Copy command" />);
    const button = screen.getByRole("button", { name: "Copy command" });
    expect(button).toHaveTextContent(/^Copy$/);
    expect(screen.getByRole("status")).toHaveTextContent(/^$/);

    await user.click(button);
    await waitFor(() => expect(button).toHaveTextContent(/^Copied$/));
    expect(screen.getByRole("status")).toHaveTextContent(/^Copied$/);
    expect(button).toHaveAccessibleName("Copy command");
    expect(await navigator.clipboard.readText()).toBe("curl -X POST https://example.com/graphql");

    await act(() => vi.advanceTimersByTimeAsync(1_500));
    expect(button).toHaveTextContent(/^Copy$/);
    expect(screen.getByRole("status")).toHaveTextContent(/^$/);
  });

  it("says so when the browser refuses the clipboard", async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new DOMException("Write permission denied.", "NotAllowedError"));
    render(<CopyButton value="some text" label="Copy request" />);
    const button = screen.getByRole("button", { name: "Copy request" });
    await user.click(button);
    await waitFor(() => expect(button).toHaveTextContent(/^Copy refused$/));
    expect(screen.getByRole("status")).toHaveTextContent(/^Copy refused$/);
  });

  it("copies from the keyboard", async () => {
    const user = userEvent.setup();
    render(<CopyButton value="eyJraWQiOiJrMSJ9.e30.c2ln" />);
    await user.tab();
    const button = screen.getByRole("button", { name: "Copy" });
    expect(button).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(button).toHaveTextContent(/^Copied$/));
    expect(await navigator.clipboard.readText()).toBe("eyJraWQiOiJrMSJ9.e30.c2ln");
  });
});
