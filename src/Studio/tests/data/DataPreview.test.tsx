import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DataPreview, type DataPage } from "../../src/data/DataPreview";
import { ApiError } from "../../src/api/client";

const rows = [
  { id: 2, name: "beta", amount: 30 },
  { id: 3, name: "gamma", amount: 20 },
  { id: 1, name: "alpha", amount: 10 },
  { id: 4, name: "delta", amount: null },
];
const columns = [{ name: "id", type: "BIGINT" }, { name: "name", type: "VARCHAR" }, { name: "amount", type: "BIGINT" }];
const load = async (offset: number, limit: number): Promise<DataPage> => ({ columns, rowCount: rows.length, offset, rows: rows.slice(offset, offset + limit) });

// The machine is shared: allow more than the default second for a render.
const Slow = { timeout: 5000 };

afterEach(cleanup);

describe("DataPreview", () => {
  it("shows the schema, the row count and pages with Next and Prev", async () => {
    render(<DataPreview load={load} title="Output of top" pageSize={2} />);
    await screen.findByText("rows 1-2 of 4", {}, Slow);
    expect(screen.getByText("4 rows")).toBeTruthy();
    expect(screen.getByRole("list", { name: "Schema" }).textContent).toContain("amount BIGINT");
    expect(screen.getAllByRole("row")[1].textContent).toBe("12beta30");
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByText("rows 3-4 of 4", {}, Slow);
    const nullCell = screen.getAllByRole("cell").find((c) => c.classList.contains("null"));
    expect(nullCell?.textContent).toBe("null");
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Prev" }));
    await screen.findByText("rows 1-2 of 4", {}, Slow);
  });

  it("says 'no rows' for an empty dataset and shows the server's message on failure", async () => {
    render(<DataPreview load={async () => ({ columns, rowCount: 0, offset: 0, rows: [] })} />);
    await screen.findByText("no rows", {}, Slow);
    cleanup();
    const failing = async (): Promise<DataPage> => {
      throw new ApiError({ status: 404, title: "Not found", detail: "the output of activity 'approval' is not a dataset" });
    };
    render(<DataPreview load={failing} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("is not a dataset"), Slow);
  });
});
