import { useEffect, useState } from "react";
import type { ValidationError } from "../api/client";
import { workflowsApi } from "../api/workflows";
import type { FlowDocument } from "../api/types";

export const ValidationDelay = 400;

/**
 * Live validation: ~400 ms after the last edit (each `revision`), POST /api/workflows/validate with the current document.
 * Starts from the problems the definition was loaded with; an answer to an older document is dropped.
 */
export function useValidation(document: () => FlowDocument, revision: number, initial: ValidationError[]) {
  const [problems, setProblems] = useState<ValidationError[]>(initial);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (revision === 0) return;
    let current = true;
    const timer = window.setTimeout(() => {
      workflowsApi
        .validate(document())
        .then((result) => {
          if (!current) return;
          setProblems(result.problems ?? []);
          setFailed(null);
        })
        .catch((e) => current && setFailed(e));
    }, ValidationDelay);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [revision, document]);
  return { problems, failed };
}
