/** camelCase of an activity type: CsvInput -> csvInput, SQL -> sql, HTTPRequest -> httpRequest. */
export function camelCaseOf(type: string): string {
  const leading = /^[A-Z]+/.exec(type)?.[0] ?? "";
  if (leading.length === 0) return type;
  if (leading.length === type.length) return type.toLowerCase();
  // "HTTPRequest": the last capital starts the next word, so it stays.
  const lowered = leading.length === 1 ? leading.toLowerCase() : leading.slice(0, -1).toLowerCase() + leading.slice(-1);
  return lowered + type.slice(leading.length);
}

/** A new activity id: the camelCase type plus the first number no activity uses yet (csvInput1, csvInput2...). */
export function newActivityId(type: string, taken: ReadonlySet<string>): string {
  const stem = camelCaseOf(type);
  for (let n = 1; ; n++) {
    const id = `${stem}${n}`;
    if (!taken.has(id)) return id;
  }
}
