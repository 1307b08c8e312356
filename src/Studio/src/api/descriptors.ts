import { api } from "./client";
import type { ActivityDescriptor } from "./types";

// The activity descriptors change only when the server does, so one request serves the whole session.
let cached: Promise<ActivityDescriptor[]> | null = null;

/** GET /api/activities, once per session for every page (a failed request is retried next time). */
export function loadDescriptors(): Promise<ActivityDescriptor[]> {
  if (!cached) {
    cached = api.get<ActivityDescriptor[]>("/activities");
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
