import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ActivityDescriptor, InputDescriptor } from "../../src/api/types";

/** Descriptors copied from a real server's GET /api/activities (a trimmed set covering every input shape). */
export const descriptors = JSON.parse(
  readFileSync(resolve(__dirname, "descriptors.json"), "utf8"),
) as ActivityDescriptor[];

export function descriptor(type: string): ActivityDescriptor {
  const found = descriptors.find((d) => d.type === type);
  if (!found) throw new Error(`no descriptor ${type} in the fixture`);
  return found;
}

/** An input by path: "Sort.by" or "Sort.by.column" for a field of its items. */
export function input(path: string): InputDescriptor {
  const [type, ...names] = path.split(".");
  let inputs = descriptor(type).inputs;
  let found: InputDescriptor | undefined;
  for (const name of names) {
    found = inputs.find((i) => i.name === name);
    if (!found) throw new Error(`no input ${path}`);
    inputs = found.fields ?? [];
  }
  return found!;
}

/** Every input of every descriptor in the fixture, item fields included, by path. */
export function allInputPaths(): string[] {
  const paths: string[] = [];
  const walk = (inputs: InputDescriptor[], owner: string) => {
    for (const i of inputs) {
      paths.push(`${owner}.${i.name}`);
      if (i.fields) walk(i.fields, `${owner}.${i.name}`);
    }
  };
  for (const d of descriptors) walk(d.inputs, d.type);
  return paths;
}
