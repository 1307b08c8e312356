import { describe, expect, it } from "vitest";
import { apiQueryOfFilters, DefaultTake, filtersFromQuery, pageRange, queryOfFilters } from "../../src/instances/instanceQuery";

describe("instances list filters in the URL", () => {
  it("round-trips through the page query, leaving defaults out", () => {
    const filters = filtersFromQuery(new URLSearchParams("definition=orders&status=Faulted&correlationId=c-1&skip=40&take=20"));
    expect(filters).toMatchObject({ definition: "orders", status: "Faulted", correlationId: "c-1", skip: 40, take: DefaultTake });
    expect(queryOfFilters(filters)).toBe("definition=orders&correlationId=c-1&status=Faulted&skip=40");
    expect(filtersFromQuery(new URLSearchParams(queryOfFilters(filters)))).toEqual(filters);
  });

  it("ignores values that make no sense", () => {
    const filters = filtersFromQuery(new URLSearchParams("status=Sleeping&skip=-5&take=100000"));
    expect(filters).toMatchObject({ status: "", skip: 0, take: DefaultTake });
    expect(queryOfFilters(filters)).toBe("");
  });

  it("sends dates to the API as instants and always sends the page", () => {
    const filters = filtersFromQuery(new URLSearchParams("createdAfter=2026-11-23T10:00&take=10"));
    const query = new URLSearchParams(apiQueryOfFilters(filters));
    expect(query.get("createdAfter")).toBe(new Date("2026-11-23T10:00").toISOString());
    expect(query.get("createdBefore")).toBeNull();
    expect(query.get("skip")).toBe("0");
    expect(query.get("take")).toBe("10");
  });

  it("describes the page range", () => {
    expect(pageRange(20, 5, 25)).toEqual({ from: 21, to: 25 });
    expect(pageRange(0, 0, 0)).toBeNull();
  });
});
