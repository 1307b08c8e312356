import { ApiError } from "../api/client";

/** The same failure with a title that says what the user was doing ("Cannot duplicate x: Conflict"). */
export function relabel(error: unknown, doing: string): unknown {
  return error instanceof ApiError ? new ApiError({ ...error.problem, title: `${doing}: ${error.problem.title}` }) : error;
}
