import { memo, useEffect, useState } from "react";
import { instancesApi, type InstanceFile } from "../api/instances";
import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";

/** The files the instance's output activities wrote, each with a download button (fetched with the key). */
export const FilesList = memo(function FilesList({ instanceId, refresh }: { instanceId: string; refresh: unknown }) {
  const [files, setFiles] = useState<InstanceFile[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    instancesApi.files(instanceId)
      .then((f) => current && (setFiles(f), setError(null)))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [instanceId, refresh]);
  const download = (name: string) => instancesApi.downloadFile(instanceId, name).catch(setError);
  return (
    <div className="files">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {files && files.length === 0 && <EmptyState title="No files" detail="No output activity of this instance has written a file." />}
      {files && files.length > 0 && (
        <table aria-label="Files">
          <thead>
            <tr><th scope="col">File</th><th scope="col">Activity</th><th scope="col">Size</th><th scope="col">Path</th><th scope="col"><span className="sr-only">Download</span></th></tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path}>
                <td className="mono">{f.name}</td>
                <td>{f.activityId ?? ""}</td>
                <td>{f.size.toLocaleString()} bytes</td>
                <td className="mono muted">{f.path}</td>
                <td><button type="button" onClick={() => download(f.name)} aria-label={`Download ${f.name}`}>Download</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
