/** Whether an activity's recorded output is a dataset the preview route can page through, and if not, why. */
export type DatasetCheck = { ok: true } | { ok: false; reason: string };

export function datasetCheck(activityId: string, outputs: Record<string, unknown>, instanceEnded: boolean): DatasetCheck {
  if (!(activityId in outputs)) {
    return { ok: false, reason: instanceEnded ? `${activityId} did not run in this instance, so it has no rows.` : `${activityId} has not finished yet; its rows show once it has.` };
  }
  const output = outputs[activityId];
  if (output && typeof output === "object" && typeof (output as { dataset?: unknown }).dataset === "string") return { ok: true };
  return { ok: false, reason: `The output of ${activityId} is not a dataset, so it has no rows to show (see its output in the Activity pane).` };
}
