import { designerApi } from "../api/designer";
import type { ActivityDescriptor } from "../api/types";

// The activity descriptors change only when the server does, so one request serves the whole session.
let cached: Promise<ActivityDescriptor[]> | null = null;

/** GET /api/activities, once per session (a failed request is retried next time). */
export function loadDescriptors(): Promise<ActivityDescriptor[]> {
  if (!cached) {
    cached = designerApi.activities();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Categories the palette leaves out: activities the engine adds itself. */
export const HiddenCategories = new Set(["Internal"]);
