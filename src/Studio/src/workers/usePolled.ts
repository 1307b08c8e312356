import { useEffect, useState } from "react";
import { api } from "../api/client";

/** GETs an API path now and every `intervalMs` after, so live lists (heartbeats, next runs) stay current. */
export function usePolled<T>(path: string, intervalMs: number) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      api.get<T>(path).then(
        (value) => {
          if (!current) return;
          setData(value);
          setError(null);
        },
        (e) => current && setError(e),
      );
    load();
    const timer = setInterval(load, intervalMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [path, intervalMs]);
  return { data, error };
}
