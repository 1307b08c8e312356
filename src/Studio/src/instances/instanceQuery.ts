import { WorkflowStatuses, type WorkflowStatus } from "../api/instances";

/** The instances list's filters and page, as the page URL holds them (so back, forward and reload keep them). */
export interface InstanceFilters {
  definition: string;
  status: WorkflowStatus | "";
  correlationId: string;
  /** datetime-local values ("2026-11-23T10:00"), in the browser's time zone. */
  createdAfter: string;
  createdBefore: string;
  skip: number;
  take: number;
}

export const PageSizes = [10, 20, 50, 100];
export const DefaultTake = 20;

const TextKeys = ["definition", "correlationId", "createdAfter", "createdBefore"] as const;

/** Reads the filters from the page URL's query, ignoring values that make no sense (a negative skip, an unknown status). */
export function filtersFromQuery(query: URLSearchParams): InstanceFilters {
  const status = query.get("status") ?? "";
  const skip = Number.parseInt(query.get("skip") ?? "", 10);
  const take = Number.parseInt(query.get("take") ?? "", 10);
  return {
    definition: query.get("definition") ?? "",
    status: (WorkflowStatuses as string[]).includes(status) ? (status as WorkflowStatus) : "",
    correlationId: query.get("correlationId") ?? "",
    createdAfter: query.get("createdAfter") ?? "",
    createdBefore: query.get("createdBefore") ?? "",
    skip: Number.isFinite(skip) && skip > 0 ? skip : 0,
    take: Number.isFinite(take) && take >= 1 && take <= 500 ? take : DefaultTake,
  };
}

/** The page URL's query for the filters: only what differs from the defaults, so a plain list has a plain URL. */
export function queryOfFilters(filters: InstanceFilters): string {
  const query = new URLSearchParams();
  for (const key of TextKeys) if (filters[key].trim()) query.set(key, filters[key].trim());
  if (filters.status) query.set("status", filters.status);
  if (filters.skip > 0) query.set("skip", String(filters.skip));
  if (filters.take !== DefaultTake) query.set("take", String(filters.take));
  return query.toString();
}

/** The GET /api/instances query: dates become ISO instants (the browser's local time zone applied). */
export function apiQueryOfFilters(filters: InstanceFilters): string {
  const query = new URLSearchParams();
  if (filters.definition.trim()) query.set("definition", filters.definition.trim());
  if (filters.status) query.set("status", filters.status);
  if (filters.correlationId.trim()) query.set("correlationId", filters.correlationId.trim());
  for (const key of ["createdAfter", "createdBefore"] as const) {
    const instant = instantOf(filters[key]);
    if (instant) query.set(key, instant);
  }
  query.set("skip", String(filters.skip));
  query.set("take", String(filters.take));
  return query.toString();
}

function instantOf(local: string): string | null {
  if (!local.trim()) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "21-40 of 45" style range of the page, or null when the list is empty. */
export function pageRange(skip: number, count: number, total: number): { from: number; to: number } | null {
  if (count === 0 || total === 0) return null;
  return { from: skip + 1, to: skip + count };
}
