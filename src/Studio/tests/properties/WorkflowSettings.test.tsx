import { afterEach, describe, expect, it, vi } from "vitest";
import { useState } from "react";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { FlowDocument } from "../../src/api/types";
import type { ValidationError } from "../../src/api/client";
import { WorkflowSettings } from "../../src/designer/properties/WorkflowSettings";

afterEach(cleanup);

const root = { id: "root", type: "Flowchart", activities: [], connections: [] };

function Harness(props: { initial: FlowDocument; onChange: (f: FlowDocument) => void; errors?: ValidationError[]; readOnly?: boolean }) {
  const [flow, setFlow] = useState(props.initial);
  return (
    <WorkflowSettings flow={flow} errors={props.errors ?? []} readOnly={!!props.readOnly}
      onChange={(next) => {
        props.onChange(next);
        setFlow(next);
      }} />
  );
}

const last = (mock: ReturnType<typeof vi.fn>) => mock.mock.calls.at(-1)![0] as FlowDocument;

describe("WorkflowSettings", () => {
  it("edits the name and description, removing them when cleared", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ definitionId: "sales", root }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Sales report" } });
    fireEvent.change(screen.getByLabelText("Description"), { target: { value: "Monthly" } });
    expect(last(onChange)).toEqual({ definitionId: "sales", name: "Sales report", description: "Monthly", root });
    fireEvent.change(screen.getByLabelText("Description"), { target: { value: "" } });
    expect("description" in last(onChange)).toBe(false);
  });

  it("adds an input with name, type, default, description and required", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ definitionId: "sales", root }} onChange={onChange} />);
    expect(screen.getByText(/No inputs/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add input" }));
    expect(last(onChange).inputs).toEqual([{ name: "input1", type: "String" }]);
    fireEvent.change(screen.getByLabelText("Input 1 Name"), { target: { value: "inputPath" } });
    fireEvent.change(screen.getByLabelText("Input 1 Default"), { target: { value: "workflows/data/sales.csv" } });
    fireEvent.change(screen.getByLabelText("Input 1 Description"), { target: { value: "CSV to read" } });
    fireEvent.click(screen.getByLabelText("Input 1 Required"));
    expect(last(onChange).inputs).toEqual([
      { name: "inputPath", type: "String", default: "workflows/data/sales.csv", description: "CSV to read", required: true },
    ]);
    fireEvent.click(screen.getByLabelText("Input 1 Sensitive"));
    expect(last(onChange).inputs![0].sensitive).toBe(true);
    fireEvent.click(screen.getByLabelText("Input 1 Sensitive"));
    expect("sensitive" in last(onChange).inputs![0]).toBe(false);
  });

  it("edits the default as the input's type and drops a default the new type cannot hold", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ definitionId: "f", root, inputs: [{ name: "limit", type: "String", default: "ten" }] }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Input 1 Type"), { target: { value: "Number" } });
    expect(last(onChange).inputs).toEqual([{ name: "limit", type: "Number" }]);
    fireEvent.change(screen.getByLabelText("Input 1 Default"), { target: { value: "10" } });
    expect(last(onChange).inputs).toEqual([{ name: "limit", type: "Number", default: 10 }]);
    fireEvent.change(screen.getByLabelText("Input 1 Type"), { target: { value: "Boolean" } });
    fireEvent.change(screen.getByLabelText("Input 1 Default"), { target: { value: "true" } });
    expect(last(onChange).inputs).toEqual([{ name: "limit", type: "Boolean", default: true }]);
  });

  it("adds, edits and removes variables with their value", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ definitionId: "f", root }} onChange={onChange} />);
    fireEvent.click(screen.getByRole("button", { name: "Add variable" }));
    fireEvent.change(screen.getByLabelText("Variable 1 Name"), { target: { value: "total" } });
    fireEvent.change(screen.getByLabelText("Variable 1 Type"), { target: { value: "Number" } });
    fireEvent.change(screen.getByLabelText("Variable 1 Value"), { target: { value: "0" } });
    expect(last(onChange).variables).toEqual([{ name: "total", type: "Number", value: 0 }]);
    fireEvent.click(screen.getByRole("button", { name: "Add variable" }));
    fireEvent.change(screen.getByLabelText("Variable 2 Value"), { target: { value: '{"a": 1}' } });
    expect(last(onChange).variables![1]).toEqual({ name: "variable2", type: "Object", value: { a: 1 } });
    fireEvent.click(screen.getByRole("button", { name: "Move Variable 2 up" }));
    expect(last(onChange).variables!.map((v) => v.name)).toEqual(["variable2", "total"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove Variable 1" }));
    fireEvent.click(screen.getByRole("button", { name: "Remove Variable 1" }));
    expect("variables" in last(onChange)).toBe(false);
  });

  it("keeps keys it does not edit (a variable's type it does not know, the rest of the flow)", () => {
    const onChange = vi.fn();
    const flow = { definitionId: "f", root, metadata: { a: 1 }, variables: [{ name: "v", type: "Decimal128", value: 1, note: "x" }] };
    render(<Harness initial={flow} onChange={onChange} />);
    expect((screen.getByLabelText("Variable 1 Type") as HTMLSelectElement).value).toBe("Decimal128");
    fireEvent.change(screen.getByLabelText("Variable 1 Name"), { target: { value: "w" } });
    expect(last(onChange)).toEqual({ ...flow, variables: [{ name: "w", type: "Decimal128", value: 1, note: "x" }] });
  });

  it("shows flow-level errors on their section and the rest at the top", () => {
    const errors: ValidationError[] = [
      { field: "inputs", message: "the workflow input 'a' is declared more than once" },
      { field: "name", message: "too long" },
      { field: "definitionId", message: "the flow has no definitionId" },
    ];
    render(<Harness initial={{ root, inputs: [{ name: "a" }, { name: "a" }] }} onChange={vi.fn()} errors={errors} />);
    const inputs = screen.getByRole("region", { name: "Inputs" });
    expect(within(inputs).getByRole("alert").textContent).toContain("declared more than once");
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert", { name: "Problems" }).textContent).toContain("no definitionId");
  });

  it("disables every control when read-only", () => {
    render(<Harness initial={{ definitionId: "f", root, inputs: [{ name: "a", type: "Boolean", default: true }], variables: [{ name: "v", type: "String", value: "x" }] }}
      onChange={vi.fn()} readOnly />);
    const controls = screen.getByRole("complementary", { name: "Workflow settings" }).querySelectorAll("input, select, textarea, button");
    expect(controls.length).toBeGreaterThan(10);
    for (const c of controls) expect((c as HTMLInputElement).disabled || (c as HTMLInputElement).readOnly, c.outerHTML).toBe(true);
  });
});
