import { useCallback, useEffect, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { workflowsApi } from "../api/workflows";
import type { ActivityDescriptor } from "../api/types";
import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import { Link } from "../app/router";
import { Designer } from "./Designer";
import { loadDescriptors } from "../api/descriptors";
import type { WorkflowDetails } from "../api/types";
import "./designer.css";

interface Loaded {
  details: WorkflowDetails;
  publishedVersion: number | null;
  descriptors: ActivityDescriptor[];
  generation: number;
}

/** The designer at /studio/flows/ID: loads the definition, its versions and the activity descriptors, then edits it. */
export function DesignerPage({ definitionId }: { definitionId: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    const [details, versions, descriptors] = await Promise.all([
      workflowsApi.workflow(definitionId),
      workflowsApi.versions(definitionId),
      loadDescriptors(),
    ]);
    return { details, publishedVersion: versions.find((v) => v.isPublished)?.version ?? null, descriptors };
  }, [definitionId]);

  useEffect(() => {
    let live = true;
    load()
      .then((l) => {
        if (!live) return;
        setLoaded({ ...l, generation });
        setError(null);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [load, generation]);

  // After a restore: read the definition again and start a fresh editor on it.
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  if (error && !loaded) {
    return (
      <EmptyState title={`Flow '${definitionId}' could not be opened`}>
        <ErrorBanner error={error} />
        <Link to="flows">Back to the flows</Link>
      </EmptyState>
    );
  }
  if (!loaded) return <p className="designer-loading" role="status">Opening {definitionId}…</p>;
  return (
    <ReactFlowProvider key={loaded.generation}>
      <Designer details={loaded.details} publishedVersion={loaded.publishedVersion} descriptors={loaded.descriptors} onReload={reload} />
    </ReactFlowProvider>
  );
}
