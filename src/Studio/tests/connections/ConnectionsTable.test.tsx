import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { ConnectionInfo } from "../../src/api/connections";
import { ConnectionsTable, type ConnectionActions } from "../../src/connections/ConnectionsTable";

const connection = (over: Partial<ConnectionInfo>): ConnectionInfo => ({
  name: "warehouse",
  kind: "postgres",
  redacted: "host=db;database=dw;username=etl;password=***",
  options: {},
  createdAt: null,
  updatedAt: null,
  ...over,
});

afterEach(cleanup);

describe("ConnectionsTable", () => {
  it("shows a viewer names and kinds only, with no actions", () => {
    render(<ConnectionsTable connections={[connection({ redacted: null, options: null })]} actions={null} tests={{}} testing={null} />);
    const [header, row] = screen.getAllByRole("row");
    expect(within(header).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Name", "Kind"]);
    expect(within(row).getByText("warehouse")).toBeTruthy();
    expect(within(row).queryByRole("button")).toBeNull();
  });

  it("shows an editor the redacted form, the test outcome and the actions", () => {
    const actions: ConnectionActions = { edit: vi.fn(), test: vi.fn(), remove: vi.fn() };
    render(
      <ConnectionsTable
        connections={[connection({}), connection({ name: "crm", kind: "mysql", redacted: "server=crm;password=***" })]}
        actions={actions}
        tests={{ warehouse: { name: "warehouse", kind: "postgres", succeeded: false, message: "Connection 'warehouse' failed: timeout" } }}
        testing={null}
      />,
    );
    const [, warehouse, crm] = screen.getAllByRole("row");
    expect(within(warehouse).getByText("host=db;database=dw;username=etl;password=***")).toBeTruthy();
    expect(within(warehouse).getByText(/failed: Connection 'warehouse' failed: timeout/)).toBeTruthy();
    fireEvent.click(within(crm).getByRole("button", { name: "Test crm" }));
    fireEvent.click(within(crm).getByRole("button", { name: "Edit crm" }));
    fireEvent.click(within(warehouse).getByRole("button", { name: "Delete warehouse" }));
    expect(actions.test).toHaveBeenCalledWith(expect.objectContaining({ name: "crm" }));
    expect(actions.edit).toHaveBeenCalledWith(expect.objectContaining({ name: "crm" }));
    expect(actions.remove).toHaveBeenCalledWith(expect.objectContaining({ name: "warehouse" }));
  });

  it("disables every Test button while one test runs", () => {
    const actions: ConnectionActions = { edit: vi.fn(), test: vi.fn(), remove: vi.fn() };
    render(<ConnectionsTable connections={[connection({}), connection({ name: "crm" })]} actions={actions} tests={{}} testing="crm" />);
    expect(screen.getByText("testing…")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Test warehouse" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
