import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { RunBanner } from "../../src/designer/RunBanner";

afterEach(cleanup);

describe("RunBanner", () => {
  it("says which version of the flow ran", () => {
    render(<RunBanner run={{ instanceId: "abc", version: 3, status: "Finished", activities: { status: {}, rows: {} } }} shown={new Set()} onClose={() => {}} />);
    expect(screen.getByRole("status", { name: "Run status" }).textContent).toContain("Run abc of version 3: Finished");
  });

  it("leaves the version out until the instance is known", () => {
    render(<RunBanner run={{ instanceId: "abc", status: "Running", activities: { status: {}, rows: {} } }} shown={new Set()} onClose={() => {}} />);
    expect(screen.getByRole("status", { name: "Run status" }).textContent).toContain("Run abc: Running");
  });
});
