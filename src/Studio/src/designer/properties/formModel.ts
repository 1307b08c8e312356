import type { InputDescriptor } from "../../api/types";

/**
 * The descriptor-to-form mapping, in plain TypeScript: which editor an input gets, and how its value is read from and
 * written to the flow JSON. A value is a JSON literal or `{"expression": {"type": T, "value": "..."}}` (the only
 * expression shape the engine reads, see Engine/Expressions/Expression.cs); for inputs whose default syntax is
 * JavaScript or Sql, a plain string is already code in that syntax (the short form).
 */

export type CodeLanguage = "javascript" | "sql" | "liquid" | "plain";

export type Editor =
  | { kind: "text" }
  | { kind: "password" }
  | { kind: "number"; integer: boolean }
  | { kind: "boolean" }
  | { kind: "enum"; options: string[] }
  | { kind: "objectList"; fields: InputDescriptor[] }
  | { kind: "scalarList"; item: Editor }
  | { kind: "object"; fields: InputDescriptor[] }
  | { kind: "keyValue"; sensitive: boolean }
  | { kind: "code"; language: CodeLanguage }
  | { kind: "json" }
  | { kind: "duration" }
  | { kind: "datetime" };

const numberTypes = new Set(["integer", "int32", "int64", "int16", "long", "short", "number", "double", "decimal", "single", "float"]);
const integerTypes = new Set(["integer", "int32", "int64", "int16", "long", "short"]);
const mapTypes = new Set(["map", "dictionary", "object"]);

/** The language a syntax is highlighted with in the code editor. */
export function languageOf(syntax: string | null | undefined): CodeLanguage {
  switch ((syntax ?? "").toLowerCase()) {
    case "javascript":
    case "js":
      return "javascript";
    case "sql":
      return "sql";
    case "liquid":
      return "liquid";
    default:
      return "plain";
  }
}

/** Which editor an input gets, from its type, uiHint, defaultSyntax, options, itemType and fields. */
export function editorFor(input: Pick<InputDescriptor, "type"> & Partial<InputDescriptor>): Editor {
  const type = (input.type ?? "").toLowerCase();
  const hint = (input.uiHint ?? "").toLowerCase();
  if (input.options && input.options.length > 0) return { kind: "enum", options: input.options };
  if (hint.startsWith("code:")) return { kind: "code", language: languageOf(hint.slice(5)) };
  if (type === "sql") return { kind: "code", language: "sql" };
  if (input.defaultSyntax && input.defaultSyntax !== "Literal" && languageOf(input.defaultSyntax) !== "plain")
    return { kind: "code", language: languageOf(input.defaultSyntax) };
  if (hint === "code") return { kind: "code", language: "plain" };
  if (hint === "json") return { kind: "json" };
  if (type === "list" || type === "array") {
    if (input.fields && input.fields.length > 0) return { kind: "objectList", fields: input.fields };
    return { kind: "scalarList", item: editorFor({ type: input.itemType ?? "Any" }) };
  }
  if (mapTypes.has(type)) {
    if (input.fields && input.fields.length > 0) return { kind: "object", fields: input.fields };
    return { kind: "keyValue", sensitive: !!input.sensitive };
  }
  if (type === "boolean" || hint === "checkbox") return { kind: "boolean" };
  if (numberTypes.has(type)) return { kind: "number", integer: integerTypes.has(type) };
  if (type === "duration" || type === "timespan") return { kind: "duration" };
  if (type === "datetime" || type === "datetimeoffset") return { kind: "datetime" };
  if (type === "any" || type === "jsonnode") return { kind: "json" };
  if (input.sensitive) return { kind: "password" };
  return { kind: "text" };
}

/** An input's value as the form sees it. `literal` is the plain JSON value, read in the input's default syntax. */
export interface InputValue {
  mode: "literal" | "expression";
  syntax: string;
  value: unknown;
}

/** What the form can read of a value: an `{"expression": {...}}` with a string value and a known type, or null. */
export function expressionOf(raw: unknown): { type: string; value: string } | null {
  if (!isObject(raw) || Object.keys(raw).length !== 1 || !isObject(raw.expression)) return null;
  const body = raw.expression;
  // Only the keys the engine reads: anything else (or a non-string value) is kept as it is, edited as JSON.
  if (Object.keys(body).some((k) => k !== "type" && k !== "value")) return null;
  if (typeof body.type !== "string" || !["JavaScript", "Liquid", "Sql", "Variable"].includes(body.type)) return null;
  if (body.value !== undefined && typeof body.value !== "string") return null;
  return { type: body.type, value: (body.value as string | undefined) ?? "" };
}

/** Reads one input of an activity (or of a list item, for sub-forms). */
export function readValue(holder: Record<string, unknown>, input: InputDescriptor): InputValue {
  const raw = holder[input.name];
  const expression = expressionOf(raw);
  if (expression) return { mode: "expression", syntax: expression.type, value: expression.value };
  return { mode: "literal", syntax: input.defaultSyntax || "Literal", value: raw };
}

/**
 * Writes one input and returns a new holder. A literal equal to the default, or empty where the default is empty too,
 * removes the key so saved JSON stays clean; an expression is always kept (even empty: it records the chosen syntax).
 */
export function writeValue<T extends Record<string, unknown>>(holder: T, input: InputDescriptor, next: InputValue): T {
  const result: Record<string, unknown> = { ...holder };
  if (next.mode === "expression") {
    result[input.name] = { expression: { type: next.syntax, value: typeof next.value === "string" ? next.value : toText(next.value) } };
  } else if (isDefault(next.value, input)) {
    delete result[input.name];
  } else {
    result[input.name] = next.value;
  }
  return result as T;
}

/** Whether a literal adds nothing to the input's default (so the key can go). */
export function isDefault(value: unknown, input: Pick<InputDescriptor, "default" | "options" | "type"> & Partial<InputDescriptor>): boolean {
  const fallback = input.default ?? null;
  // Clearing a text means "use the default"; an empty list or map only matches an empty default ([] vs ["GET"]).
  if (value === undefined || value === null || value === "") return true;
  if (isEmpty(value)) return isEmpty(fallback);
  // An unticked checkbox means the same as no value when the default is not true (not so for an Any input).
  if (value === false && (fallback === null || fallback === false) && editorFor(input).kind === "boolean") return true;
  if (input.options && typeof value === "string" && typeof fallback === "string")
    return value.toLowerCase() === fallback.toLowerCase();
  return deepEqual(value, fallback);
}

/** Empty in the form's sense: nothing, an empty text, list or object. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** The syntaxes the literal/expression switch offers for an input; the first one is its plain (unwrapped) form. */
export function syntaxChoices(input: InputDescriptor, current?: InputValue): string[] {
  const base = input.defaultSyntax && input.defaultSyntax !== "Literal" ? input.defaultSyntax : "Literal";
  const choices =
    base === "Sql" ? ["Sql", "JavaScript"] : base === "JavaScript" ? ["JavaScript", "Liquid"] : ["Literal", "JavaScript", "Liquid", "Variable"];
  if (!choices.includes(base)) choices.unshift(base);
  // A syntax the flow already uses stays selectable, so it shows as chosen (a Sql case of a row-routing Switch).
  if (current?.mode === "expression" && !choices.includes(current.syntax)) choices.push(current.syntax);
  return choices;
}

/** The switch position of a value: its expression syntax, or the input's plain form. */
export function choiceOf(input: InputDescriptor, value: InputValue): string {
  if (value.mode === "expression") return value.syntax;
  return input.defaultSyntax && input.defaultSyntax !== "Literal" ? input.defaultSyntax : "Literal";
}

/**
 * Moves a value to another syntax. Going to an expression wraps the literal's text; going back to the plain form
 * unwraps the text when it fits the input's type (a number for Integer...), and leaves it empty otherwise.
 */
export function switchSyntax(input: InputDescriptor, value: InputValue, syntax: string): InputValue {
  const plain = input.defaultSyntax && input.defaultSyntax !== "Literal" ? input.defaultSyntax : "Literal";
  const text = value.mode === "expression" ? (value.value as string) : toText(value.value);
  if (syntax === plain) {
    if (value.mode === "literal") return value;
    return { mode: "literal", syntax: plain, value: plain === "Literal" ? literalFromText(input, text) : text };
  }
  return { mode: "expression", syntax, value: text };
}

/** The text of a literal, for an expression: strings as they are, other values as JSON. */
export function toText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A literal of the input's type read from text, or undefined when the text does not fit. */
export function literalFromText(input: Pick<InputDescriptor, "type" | "options"> & Partial<InputDescriptor>, text: string): unknown {
  if (text === "") return undefined;
  const editor = editorFor(input);
  switch (editor.kind) {
    case "number": {
      const n = Number(text.trim());
      return text.trim() !== "" && Number.isFinite(n) && (!editor.integer || Number.isInteger(n)) ? n : undefined;
    }
    case "boolean":
      return /^\s*true\s*$/i.test(text) ? true : /^\s*false\s*$/i.test(text) ? false : undefined;
    case "enum":
      return editor.options.find((o) => o.toLowerCase() === text.trim().toLowerCase());
    case "objectList":
    case "scalarList":
      return parseJson(text, Array.isArray);
    case "object":
    case "keyValue":
      return parseJson(text, isObject);
    case "json":
      return looseJson(text);
    default:
      return text;
  }
}

/** Text typed where any JSON value is allowed: JSON when it parses (10, true, [1], {"a": 1}), a string otherwise. */
export function looseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseJson(text: string, accept: (v: unknown) => boolean): unknown {
  try {
    const parsed = JSON.parse(text);
    return accept(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an editor can show a literal as it is; other shapes are edited as JSON so they are kept intact. */
export function fits(editor: Editor, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (editor.kind) {
    case "text":
    case "password":
    case "code":
    case "duration":
    case "datetime":
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    case "number":
      return typeof value === "number" || (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)));
    case "boolean":
      return typeof value === "boolean";
    case "enum":
      return typeof value === "string" && editor.options.some((o) => o.toLowerCase() === value.toLowerCase());
    case "objectList":
      return Array.isArray(value) && value.every(isObject);
    case "scalarList":
      return Array.isArray(value) && value.every((item) => !isObject(item) && !Array.isArray(item));
    case "object":
    case "keyValue":
      return isObject(value) && !("expression" in value && Object.keys(value).length === 1);
    case "json":
      return true;
  }
}

/** The inputs in the order the descriptor asks for (order first, then declaration order). */
export function orderedInputs(inputs: InputDescriptor[]): InputDescriptor[] {
  return inputs.map((input, i) => ({ input, i })).sort((a, b) => a.input.order - b.input.order || a.i - b.i).map((x) => x.input);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}
