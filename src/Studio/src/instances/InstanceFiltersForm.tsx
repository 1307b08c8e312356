import { memo, useEffect, useId, useState, type FormEvent } from "react";
import { instancesApi, WorkflowStatuses } from "../api/instances";
import type { InstanceFilters } from "./instanceQuery";

/** The filters of the instances list; applying them starts again at the first page. */
export const InstanceFiltersForm = memo(function InstanceFiltersForm({ filters, onApply }: {
  filters: InstanceFilters;
  onApply: (filters: InstanceFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  const [flows, setFlows] = useState<{ definitionId: string; name: string | null }[]>([]);
  const suggestions = useId();
  useEffect(() => {
    let current = true;
    // Only suggestions: the filter works without them, so a failure is not worth a banner.
    instancesApi.flows().then((f) => current && setFlows(f)).catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  const set = (key: keyof InstanceFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, skip: 0 });
  };
  const clear = () => onApply({ ...filters, definition: "", status: "", correlationId: "", createdAfter: "", createdBefore: "", skip: 0 });
  return (
    <form className="instance-filters" role="search" aria-label="Filter instances" onSubmit={submit}>
      <label>
        Definition
        <input value={draft.definition} onChange={set("definition")} placeholder="definition id" list={suggestions} />
        <datalist id={suggestions}>
          {flows.map((f) => <option key={f.definitionId} value={f.definitionId}>{f.name ?? ""}</option>)}
        </datalist>
      </label>
      <label>
        Status
        <select value={draft.status} onChange={(e) => onApply({ ...draft, status: e.target.value as InstanceFilters["status"], skip: 0 })}>
          <option value="">Any</option>
          {WorkflowStatuses.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label>
        Correlation id
        <input value={draft.correlationId} onChange={set("correlationId")} />
      </label>
      <label>
        Created after
        <input type="datetime-local" value={draft.createdAfter} onChange={set("createdAfter")} />
      </label>
      <label>
        Created before
        <input type="datetime-local" value={draft.createdBefore} onChange={set("createdBefore")} />
      </label>
      <div className="instance-filter-buttons">
        <button type="submit" className="primary">Apply</button>
        <button type="button" onClick={clear}>Clear</button>
      </div>
    </form>
  );
});
