import type { ConnectionChange, ConnectionInfo, NewConnection } from "../api/connections";

/** The connection dialog's fields as typed; options are one `key=value` per line. */
export interface ConnectionFields {
  name: string;
  kind: string;
  /** Write-only: never filled from the server; empty when editing means "keep the stored one". */
  connectionString: string;
  options: string;
}

/** The kinds the database activities speak; any other lower-case kind may be typed. */
export const KnownKinds = ["mysql", "postgres", "doris", "clickhouse", "sqlserver"];

/** Why a name is refused (the server's rule in ConnectionNames.cs), or null. */
export function connectionNameProblem(name: string): string | null {
  if (!name) return "A connection needs a name.";
  if (name.length > 100) return "At most 100 characters.";
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || name.includes(".."))
    return "Letters, digits, '_', '-' and '.', starting with a letter or digit, without '..'.";
  return null;
}

/** Why a kind is refused, or null. */
export function kindProblem(kind: string): string | null {
  if (!kind) return "A connection needs a kind.";
  return /^[a-z0-9][a-z0-9_-]{0,39}$/.test(kind) ? null : "Lower-case letters, digits, '_' and '-'.";
}

/** `key=value` lines as an object; a line without '=' is a problem (returned as a string). */
export function parseOptions(text: string): Record<string, string> | string {
  const options: Record<string, string> = {};
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf("=");
    if (at <= 0) return `Line ${index + 1} is not key=value.`;
    options[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return options;
}

export function optionsText(options: Record<string, string> | null): string {
  return Object.entries(options ?? {}).map(([key, value]) => `${key}=${value}`).join("\n");
}

/** The fields of a stored connection to edit: its secret stays on the server. */
export function fieldsOf(connection: ConnectionInfo): ConnectionFields {
  return { name: connection.name, kind: connection.kind, connectionString: "", options: optionsText(connection.options) };
}

/** The request a new connection's fields make. */
export function newConnection(fields: ConnectionFields, options: Record<string, string>): NewConnection {
  return { name: fields.name.trim(), kind: fields.kind.trim(), connectionString: fields.connectionString, options };
}

/** The request an edit makes: the connection string only when one was typed. */
export function connectionChange(fields: ConnectionFields, options: Record<string, string>): ConnectionChange {
  const change: ConnectionChange = { kind: fields.kind.trim(), options };
  if (fields.connectionString) change.connectionString = fields.connectionString;
  return change;
}
