import type { FlowDocument } from "../api/types";

export type FlowInput = NonNullable<FlowDocument["inputs"]>[number];

/** The text a Run dialog field starts with: the input's default (JSON for objects and lists). */
export function initialText(input: FlowInput): string | boolean {
  if (input.type === "Boolean") return input.default === true;
  if (input.default === undefined || input.default === null) return "";
  return typeof input.default === "object" ? JSON.stringify(input.default) : String(input.default);
}

/**
 * The value of one Run dialog field as its declared type, or an error naming the input and the type it expects (the
 * server checks the same, this says it before the run is asked for). An empty field is null: the default applies.
 */
export function parseInput(input: FlowInput, value: string | boolean | undefined): unknown {
  if (typeof value === "boolean") return value;
  const text = (value ?? "").trim();
  switch (input.type) {
    case "Number":
    case "Integer": {
      if (text === "") return null;
      const number = Number(text);
      if (!Number.isFinite(number)) throw new Error(`${input.name}: expected a Number, but '${text}' was given`);
      if (input.type === "Integer" && !Number.isInteger(number)) throw new Error(`${input.name}: expected an Integer (a whole number), but '${text}' was given`);
      return number;
    }
    case "Boolean":
      if (text === "") return null;
      if (text !== "true" && text !== "false") throw new Error(`${input.name}: expected a Boolean (true or false), but '${text}' was given`);
      return text === "true";
    case "Object":
    case "Array":
    case "List":
    case "Map":
      if (text === "") return null;
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(`${input.name}: expected ${input.type === "Object" || input.type === "Map" ? "a JSON object" : "a JSON list"}, but '${text}' was given`);
      }
    default:
      return value ?? "";
  }
}
