import { useCallback, useEffect, useRef, useState } from "react";
import { navigate, useRoute } from "../app/router";
import { instancesApi, type InstanceSummary, type Page } from "../api/instances";
import { follow } from "../api/live";
import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import { InstanceFiltersForm } from "./InstanceFiltersForm";
import { InstancesTable } from "./InstancesTable";
import { Pager } from "./Pager";
import { apiQueryOfFilters, filtersFromQuery, queryOfFilters, type InstanceFilters } from "./instanceQuery";
import "./instances.css";

/** /studio/instances: every instance, filtered and paged through the URL, with statuses kept live from the hub. */
export function InstancesPage() {
  const { query } = useRoute();
  const filters = filtersFromQuery(query);
  const apiQuery = apiQueryOfFilters(filters);
  const [page, setPage] = useState<Page<InstanceSummary> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const load = useCallback(() => {
    const call = ++latest.current;
    setLoading(true);
    instancesApi
      .list(apiQuery)
      .then((p) => call === latest.current && (setPage(p), setError(null)))
      .catch((e) => call === latest.current && setError(e))
      .finally(() => call === latest.current && setLoading(false));
  }, [apiQuery]);
  useEffect(load, [load]);

  // A status change may move an instance in or out of the filtered page, so the page is fetched again (at most every 700 ms).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = follow(null, {
      StatusChanged: (change: { instanceId: string; status: InstanceSummary["status"] }) => {
        setPage((p) => p && { ...p, items: p.items.map((i) => (i.id === change.instanceId ? { ...i, status: change.status } : i)) });
        timer ??= setTimeout(() => {
          timer = null;
          load();
        }, 700);
      },
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  const apply = (next: InstanceFilters) => {
    const search = queryOfFilters(next);
    navigate(`instances${search ? `?${search}` : ""}`);
  };
  const filtered = Boolean(filters.definition || filters.status || filters.correlationId || filters.createdAfter || filters.createdBefore);

  return (
    <div className="instances-page">
      <div className="page-heading">
        <h1>Instances</h1>
        <button type="button" onClick={load} disabled={loading}>Refresh</button>
      </div>
      <InstanceFiltersForm key={query.toString()} filters={filters} onApply={apply} />
      <ErrorBanner error={error} />
      {page && page.items.length > 0 && (
        <>
          <InstancesTable items={page.items} />
          <Pager label="Instance pages" skip={filters.skip} take={filters.take} count={page.items.length} total={page.total}
            onChange={(skip, take) => apply({ ...filters, skip, take })} />
        </>
      )}
      {page && page.items.length === 0 && (
        filtered || filters.skip > 0 ? (
          <EmptyState title="No instances match" detail="No instance matches these filters on this page. Clear the filters or go back a page." />
        ) : (
          <EmptyState title="No instances yet" detail="Run a flow (from the Flows page or POST /api/workflows/{id}/execute) and its instance shows here." />
        )
      )}
    </div>
  );
}
