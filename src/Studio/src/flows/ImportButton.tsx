import { memo, useRef, type ChangeEvent } from "react";
import { api, ApiError } from "../api/client";
import { formatOfFile } from "./flowModel";
import type { WorkflowDetails } from "../api/types";
import { relabel } from "./relabel";

/** "Import": picks a .json/.yaml/.yml/.xml flow file and posts it to /api/workflows/import in its format. */
export const ImportButton = memo(function ImportButton({ onImported, onError, onStart }: {
  onImported: (details: WorkflowDetails, fileName: string) => void;
  onError: (error: unknown) => void;
  onStart: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Clear the input so choosing the same file again (after fixing it) imports it again.
    e.target.value = "";
    if (!file) return;
    onStart();
    const format = formatOfFile(file.name);
    if (!format) {
      onError(new ApiError({ status: 0, title: `Cannot import ${file.name}`, detail: "Choose a .json, .yaml, .yml or .xml flow file." }));
      return;
    }
    try {
      const details = await api.post<WorkflowDetails>(`/workflows/import?format=${format}`, await file.text());
      onImported(details, file.name);
    } catch (err) {
      onError(relabel(err, `Cannot import ${file.name}`));
    }
  };

  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.yaml,.yml,.xml"
        aria-label="Import flow file"
        className="visually-hidden"
        tabIndex={-1}
        onChange={onChange}
      />
    </>
  );
});
