import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { InstanceDetails } from "../../src/api/instances";
import { ValuesPane } from "../../src/instances/ValuesPane";

afterEach(cleanup);

const details = (values: Pick<InstanceDetails, "inputs" | "variables" | "outputs">) => ({ ...values }) as InstanceDetails;

describe("ValuesPane", () => {
  it("shows the inputs, the final variables and the outputs by name", () => {
    render(<ValuesPane details={details({ inputs: { minAmount: 50 }, variables: { greeting: "Hello, Ada!" }, outputs: { total: 3 } })} />);
    expect(within(screen.getByRole("region", { name: "Inputs" })).getByRole("rowheader").textContent).toBe("minAmount");
    expect(within(screen.getByRole("region", { name: "Inputs" })).getByRole("cell").textContent).toBe("50");
    expect(within(screen.getByRole("region", { name: "Variables" })).getByRole("cell").textContent).toBe('"Hello, Ada!"');
    expect(within(screen.getByRole("region", { name: "Outputs" })).getByRole("cell").textContent).toBe("3");
  });

  it("says so when there is nothing to show", () => {
    render(<ValuesPane details={details({ inputs: {}, variables: {}, outputs: {} })} />);
    expect(screen.getByRole("region", { name: "Outputs" }).textContent).toContain("No outputs");
  });
});
