import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ConnectionDialog } from "../../src/connections/ConnectionDialog";

const stored = { name: "dw", kind: "mysql", redacted: "server=db;user id=etl;password=***", options: { batchSize: "100" }, createdAt: null, updatedAt: null };

beforeAll(() => {
  // jsdom has no modal dialogs.
  HTMLDialogElement.prototype.showModal = function () { this.setAttribute("open", ""); };
  HTMLDialogElement.prototype.close = function () { this.removeAttribute("open"); };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answering(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("ConnectionDialog", () => {
  it("edits with an empty write-only secret field and sends no connection string when none is typed", async () => {
    const fetch = answering(stored);
    const onSaved = vi.fn();
    render(<ConnectionDialog editing={stored} onSaved={onSaved} onClose={() => {}} />);

    const secret = screen.getByLabelText("Connection string") as HTMLInputElement;
    expect(secret.value).toBe("");
    expect(secret.type).toBe("password");
    expect(screen.getByText(/shown as server=db;user id=etl;password=\*\*\*/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Kind"), { target: { value: "doris" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/connections/dw");
    expect(init.method).toBe("PUT");
    expect(JSON.parse(init.body as string)).toEqual({ kind: "doris", options: { batchSize: "100" } });
  });

  it("does not create a connection without a valid name and a connection string", () => {
    const fetch = answering(stored);
    render(<ConnectionDialog editing={null} onSaved={() => {}} onClose={() => {}} />);

    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "../etc" } });
    fireEvent.click(screen.getByRole("button", { name: "Create" }));

    expect(screen.getByText(/without '\.\.'/)).toBeTruthy();
    expect(screen.getByText("A new connection needs its connection string.")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
