import { afterEach, describe, expect, it, vi } from "vitest";
import { useState } from "react";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { FlowActivity } from "../../src/api/types";
import type { ValidationError } from "../../src/api/client";
import { PropertyPanel } from "../../src/designer/properties/PropertyPanel";
import { descriptor } from "./fixtures";

afterEach(cleanup);

/** The panel as the designer uses it: it owns the activity and passes every change back in. */
function Harness(props: { initial: FlowActivity; onChange: (a: FlowActivity) => void; errors?: ValidationError[]; readOnly?: boolean }) {
  const [activity, setActivity] = useState(props.initial);
  return (
    <PropertyPanel descriptor={descriptor(props.initial.type)} activity={activity} errors={props.errors ?? []} readOnly={!!props.readOnly}
      onChange={(next) => {
        props.onChange(next);
        setActivity(next);
      }} />
  );
}

function last(mock: ReturnType<typeof vi.fn>) {
  return mock.mock.calls.at(-1)![0];
}

describe("PropertyPanel", () => {
  it("shows Sort's By list; adding an item and typing a column writes by: [{column}]", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "top", type: "Sort" }} onChange={onChange} />);
    const by = screen.getByRole("group", { name: "By" });
    expect(within(by).getByText("No items yet.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Add By" }));
    expect(last(onChange)).toEqual({ id: "top", type: "Sort", by: [{}] });

    fireEvent.change(within(by).getByLabelText("Column"), { target: { value: "amount" } });
    expect(last(onChange)).toEqual({ id: "top", type: "Sort", by: [{ column: "amount" }] });

    fireEvent.click(within(by).getByLabelText("Descending"));
    expect(last(onChange)).toEqual({ id: "top", type: "Sort", by: [{ column: "amount", descending: true }] });
  });

  it("adds, reorders and removes list items", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "top", type: "Sort", by: [{ column: "a" }, { column: "b" }] }} onChange={onChange} />);
    fireEvent.click(screen.getByRole("button", { name: "Move By 2 up" }));
    expect(last(onChange).by).toEqual([{ column: "b" }, { column: "a" }]);
    expect((screen.getAllByLabelText("Column") as HTMLInputElement[]).map((i) => i.value)).toEqual(["b", "a"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove By 1" }));
    expect(last(onChange).by).toEqual([{ column: "a" }]);
    fireEvent.click(screen.getByRole("button", { name: "Remove By 1" }));
    expect("by" in last(onChange)).toBe(false);
  });

  it("edits text, number, boolean and enum inputs, omitting defaults", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "read", type: "CsvInput" }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Path"), { target: { value: "data/sales.csv" } });
    expect(last(onChange)).toEqual({ id: "read", type: "CsvInput", path: "data/sales.csv" });
    const delimiter = screen.getByLabelText("Delimiter") as HTMLInputElement;
    expect(delimiter.placeholder).toBe(",");
    fireEvent.change(delimiter, { target: { value: ";" } });
    expect(last(onChange).delimiter).toBe(";");
    fireEvent.change(delimiter, { target: { value: "" } });
    expect("delimiter" in last(onChange)).toBe(false);
    const header = screen.getByLabelText("Header") as HTMLInputElement;
    expect(header.checked).toBe(true); // the default
    fireEvent.click(header);
    expect(last(onChange).header).toBe(false);
    fireEvent.click(header);
    expect("header" in last(onChange)).toBe(false);
  });

  it("edits numbers and enums", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "j", type: "Join" }} onChange={onChange} />);
    const mode = screen.getByLabelText("Mode") as HTMLSelectElement;
    expect(mode.value).toBe("WaitAll"); // default "waitAll" matched without case
    fireEvent.change(mode, { target: { value: "WaitAny" } });
    expect(last(onChange)).toEqual({ id: "j", type: "Join", mode: "WaitAny" });
    cleanup();
    render(<Harness initial={{ id: "f", type: "FakerInput" }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Rows"), { target: { value: "25" } });
    expect(last(onChange)).toEqual({ id: "f", type: "FakerInput", rows: 25 });
  });

  it("edits key/value maps", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "h", type: "HttpRequest", url: "http://x" }} onChange={onChange} />);
    const headers = screen.getByRole("group", { name: "Headers" });
    fireEvent.click(within(headers).getByRole("button", { name: "Add Headers" }));
    fireEvent.change(within(headers).getByLabelText("Headers key 1"), { target: { value: "Authorization" } });
    const value = within(headers).getByLabelText("Headers value 1") as HTMLInputElement;
    expect(value.type).toBe("password"); // sensitive
    fireEvent.change(value, { target: { value: "Bearer t" } });
    expect(last(onChange).headers).toEqual({ Authorization: "Bearer t" });
    fireEvent.click(within(headers).getByRole("button", { name: "Remove Headers 1" }));
    expect("headers" in last(onChange)).toBe(false);
  });

  it("switches an input to a JavaScript expression and back", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "read", type: "CsvInput", path: "a.csv" }} onChange={onChange} />);
    const as = (syntax: string) => screen.getByRole("button", { name: `Path as ${syntax}` });
    expect(as("Literal").getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(as("JS"));
    expect(last(onChange).path).toEqual({ expression: { type: "JavaScript", value: "a.csv" } });
    // The code editor takes the field's name.
    const code = screen.getByLabelText("Path");
    expect(code.getAttribute("contenteditable")).toBe("true");
    expect(code.textContent).toBe("a.csv");
    fireEvent.click(as("Liquid"));
    expect(last(onChange).path).toEqual({ expression: { type: "Liquid", value: "a.csv" } });
    fireEvent.click(as("Literal"));
    expect(last(onChange).path).toBe("a.csv");
    expect((screen.getByLabelText("Path") as HTMLInputElement).value).toBe("a.csv");
  });

  it("shows code inputs in CodeMirror with their default syntax", () => {
    render(<Harness initial={{ id: "f", type: "Filter", condition: "amount > 10" }} onChange={vi.fn()} />);
    const code = screen.getByLabelText("Condition");
    expect(code.textContent).toBe("amount > 10");
    expect(code.closest("[data-language]")!.getAttribute("data-language")).toBe("sql");
    expect(screen.getByRole("button", { name: "Condition as SQL" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Condition as JS" }).getAttribute("aria-pressed")).toBe("false");
  });

  it("keeps a value whose shape no editor reads, as JSON", () => {
    const odd = { expression: { type: "JavaScript", value: 42 } };
    const onChange = vi.fn();
    render(<Harness initial={{ id: "read", type: "CsvInput", path: odd }} onChange={onChange} />);
    const field = screen.getByLabelText("Path") as HTMLTextAreaElement;
    expect(JSON.parse(field.value)).toEqual(odd);
    fireEvent.change(field, { target: { value: '{"expression": ' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/Not valid JSON yet/)).toBeTruthy();
  });

  it("shows field errors under their field and the rest at the top", () => {
    const errors: ValidationError[] = [
      { activityId: "top", field: "by", message: "the required input 'by' of Sort is missing" },
      { activityId: "top", field: "timeout", message: "the timeout must be longer than zero" },
      { activityId: "top", field: "connections", message: "unknown port 'Nope'" },
    ];
    render(<Harness initial={{ id: "top", type: "Sort", timeout: "00:00:00" }} onChange={vi.fn()} errors={errors} />);
    const by = screen.getByRole("group", { name: "By" });
    expect(by.getAttribute("aria-invalid")).toBe("true");
    const byError = document.getElementById(by.getAttribute("aria-describedby")!.split(" ")[0])!;
    expect(byError.getAttribute("role")).toBe("alert");
    expect(byError.textContent).toContain("'by' of Sort is missing");
    const timeout = screen.getByLabelText("Timeout");
    expect(timeout.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(timeout.getAttribute("aria-describedby")!.split(" ")[0])!.textContent).toContain("longer than zero");
    expect(screen.getByRole("alert", { name: "Problems" }).textContent).toContain("unknown port 'Nope'");
    // The behaviours section opens by itself to show its error.
    expect((timeout.closest("details") as HTMLDetailsElement).open).toBe(true);
  });

  it("edits behaviours and flags a wrong duration at once", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "read", type: "CsvInput", path: "a.csv" }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Attempts"), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Retry delay"), { target: { value: "00:00:02" } });
    fireEvent.change(screen.getByLabelText("Backoff"), { target: { value: "exponential" } });
    fireEvent.change(screen.getByLabelText("On error"), { target: { value: "port" } });
    fireEvent.change(screen.getByLabelText("Worker group"), { target: { value: "gpu" } });
    fireEvent.change(screen.getByLabelText("Timeout"), { target: { value: "48:00:00" } });
    expect(last(onChange)).toEqual({
      id: "read", type: "CsvInput", path: "a.csv", retry: { attempts: 3, delay: "00:00:02", backoff: "exponential" },
      onError: "port", worker: "gpu", timeout: "48:00:00",
    });
    const timeout = screen.getByLabelText("Timeout");
    expect(timeout.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getAllByRole("alert").some((a) => a.textContent!.includes("'48:00:00' is not a duration"))).toBe(true);
  });

  it("renames the activity on Enter, only to a valid id, leaving connections to the caller", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "read", type: "CsvInput" }} onChange={onChange} />);
    const id = screen.getByLabelText("Id");
    fireEvent.change(id, { target: { value: "2read" } });
    fireEvent.keyDown(id, { key: "Enter" });
    expect(onChange).not.toHaveBeenCalled();
    expect(id.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(id, { target: { value: "read_sales" } });
    fireEvent.keyDown(id, { key: "Enter" });
    expect(last(onChange)).toEqual({ id: "read_sales", type: "CsvInput" });
  });

  it("edits the name and description labels, but not where the activity declares a name input", () => {
    const onChange = vi.fn();
    render(<Harness initial={{ id: "l", type: "Log", message: "hi" }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Say hi" } });
    expect(last(onChange)).toEqual({ id: "l", type: "Log", message: "hi", name: "Say hi" });
    cleanup();
    render(<Harness initial={{ id: "e", type: "Event", name: "approved" }} onChange={onChange} />);
    const names = screen.getAllByLabelText("Name");
    expect(names).toHaveLength(1); // Event's own input, not a label
    expect((names[0] as HTMLInputElement).value).toBe("approved");
  });

  it("disables every control when read-only", () => {
    render(
      <Harness initial={{ id: "top", type: "Sort", by: [{ column: "a" }], retry: { attempts: 2 } }} onChange={vi.fn()} readOnly />,
    );
    const panel = screen.getByRole("complementary", { name: "Properties of top" });
    const controls = panel.querySelectorAll("input, select, textarea, button");
    expect(controls.length).toBeGreaterThan(8);
    for (const control of controls) {
      const c = control as HTMLInputElement;
      expect(c.disabled || c.readOnly, control.outerHTML).toBe(true);
    }
  });

  it("makes the code editor read-only too", () => {
    render(<Harness initial={{ id: "f", type: "Filter", condition: "amount > 10" }} onChange={vi.fn()} readOnly />);
    const code = screen.getByLabelText("Condition");
    expect(code.getAttribute("contenteditable")).toBe("false");
    expect(code.getAttribute("aria-readonly")).toBe("true");
    expect((screen.getByRole("button", { name: "Condition as JS" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps the inputs of an unknown activity type as JSON", () => {
    const onChange = vi.fn();
    render(<PropertyPanel descriptor={undefined} activity={{ id: "x", type: "Mystery", size: 3 }} onChange={onChange} errors={[]} readOnly={false} />);
    expect(screen.getByRole("note").textContent).toContain("'Mystery' is not known");
    act(() => {
      fireEvent.change(screen.getByLabelText("size"), { target: { value: "4" } });
    });
    expect(last(onChange)).toEqual({ id: "x", type: "Mystery", size: 4 });
  });
});
