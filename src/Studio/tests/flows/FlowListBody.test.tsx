import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { ApiError } from "../../src/api/client";
import { FlowListBody } from "../../src/flows/FlowListBody";
import type { FlowActions } from "../../src/flows/FlowRow";
import type { WorkflowSummary } from "../../src/flows/flowTypes";

const noop = () => {};
const actions: FlowActions = { duplicate: noop, remove: noop, exportAs: noop };
const flow = (over: Partial<WorkflowSummary>): WorkflowSummary => ({
  definitionId: "orders",
  name: "Orders",
  description: null,
  latestVersion: 1,
  publishedVersion: null,
  isReadOnly: false,
  updatedAt: new Date().toISOString(),
  lastRun: null,
  ...over,
});
const body = (props: Partial<Parameters<typeof FlowListBody>[0]>) =>
  render(<FlowListBody flows={[]} loadError={null} query="" canEdit actions={actions} highlight={null} busy={false} {...props} />);

afterEach(cleanup);

describe("FlowListBody", () => {
  it("tells an editor how to make the first flow", () => {
    body({});
    expect(screen.getByRole("heading", { name: "No flows yet" })).toBeTruthy();
    expect(screen.getByText(/Create one with New flow/)).toBeTruthy();
  });

  it("tells a viewer where flows come from, without suggesting what they cannot do", () => {
    body({ canEdit: false, actions: null });
    expect(screen.queryByText(/Create one with New flow/)).toBeNull();
    expect(screen.getByText(/once an editor creates them/)).toBeTruthy();
  });

  it("says when a search matches nothing", () => {
    body({ query: "zzz" });
    expect(screen.getByRole("heading", { name: 'No flow matches "zzz"' })).toBeTruthy();
  });

  it("names what failed when the list cannot load", () => {
    body({ loadError: new ApiError({ status: 500, title: "Internal Server Error" }) });
    expect(screen.getByRole("alert").textContent).toContain("Cannot load the flows: Internal Server Error");
  });

  it("shows each flow's state, read-only marker, last run and actions", () => {
    body({
      flows: [
        flow({ definitionId: "a", name: "A", latestVersion: 3, publishedVersion: 2, isReadOnly: true }),
        flow({ definitionId: "b", name: "B", lastRun: { instanceId: "i1", status: "Faulted", createdAt: new Date().toISOString(), finishedAt: null } }),
      ],
    });
    const [, a, b] = screen.getAllByRole("row");
    expect(within(a).getByText("draft v3 (published v2)")).toBeTruthy();
    expect(within(a).getByText("read-only")).toBeTruthy();
    expect(within(a).queryByRole("button", { name: "Delete a" })).toBeNull();
    expect(within(a).getByRole("button", { name: "Duplicate a" })).toBeTruthy();
    expect(within(b).getByRole("link", { name: "Last run of b: Faulted" }).getAttribute("href")).toBe("/studio/instances/i1");
    expect(within(b).getByRole("button", { name: "Delete b" })).toBeTruthy();
  });

  it("gives a viewer only the Open link", () => {
    body({ canEdit: false, actions: null, flows: [flow({})] });
    const row = screen.getAllByRole("row")[1];
    expect(within(row).queryAllByRole("button")).toHaveLength(0);
    expect(within(row).getByRole("link", { name: "Open orders" }).getAttribute("href")).toBe("/studio/flows/orders");
  });
});
