import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { WorkflowSummary } from "./flowTypes";

/** The flows matching a search (already debounced by the caller); `version` bumps to fetch again after a change. */
export function useFlows(search: string, version: number) {
  const [flows, setFlows] = useState<WorkflowSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    // A slower answer to an older search must not overwrite a newer one.
    let current = true;
    const query = search.trim() ? `?search=${encodeURIComponent(search.trim())}` : "";
    api.get<WorkflowSummary[]>(`/workflows${query}`).then(
      (list) => {
        if (!current) return;
        setFlows(list);
        setError(null);
      },
      (e) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [search, version]);
  return { flows, error };
}

/** The value after it stopped changing for `delay` ms (search boxes ask the server once the typing pauses). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
