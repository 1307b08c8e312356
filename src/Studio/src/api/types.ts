/** The JSON shapes the Studio reads from the REST API (see /api/docs for every field). */

import type { ValidationError } from "./client";

export type Syntax = "Literal" | "JavaScript" | "Liquid" | "Sql" | "Variable" | string;

/** One input of an activity as /api/activities describes it; list items of objects describe their own fields. */
export interface InputDescriptor {
  name: string;
  type: string;
  displayName: string;
  description: string;
  default: unknown;
  required: boolean;
  sensitive: boolean;
  defaultSyntax: Syntax;
  uiHint: string | null;
  options: string[] | null;
  itemType: string | null;
  fields: InputDescriptor[] | null;
  order: number;
}

/** An activity type: what the palette lists and the property panel edits. */
export interface ActivityDescriptor {
  type: string;
  category: string;
  displayName: string;
  description: string;
  kind: "Control" | "Code" | string;
  inputs: InputDescriptor[];
  outputs: { name: string; type: string; description?: string }[];
  outcomes: string[];
  inputPorts: string[];
  dynamicOutcomes: boolean;
  join: string;
  isContainer: boolean;
}

/** A port on an activity, the end of a connection. */
export interface PortRef {
  activity: string;
  port: string;
}

export interface FlowConnection {
  source: PortRef;
  target: PortRef;
  [key: string]: unknown;
}

/** An activity as written in a flow file: id, type, its inputs by name, behaviours and metadata. */
export interface FlowActivity {
  id: string;
  type: string;
  metadata?: { designer?: { position?: { x: number; y: number } }; [key: string]: unknown };
  [key: string]: unknown;
}

/** A flow document as the API and the flow files hold it. */
export interface FlowDocument {
  definitionId?: string;
  name?: string;
  description?: string;
  version?: number;
  inputs?: { name: string; type?: string; default?: unknown; description?: string; required?: boolean; sensitive?: boolean }[];
  variables?: { name: string; type?: string; value?: unknown; default?: unknown }[];
  metadata?: Record<string, unknown>;
  root: {
    id: string;
    type: string;
    activities?: FlowActivity[];
    connections?: FlowConnection[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** One version of a definition as GET/POST/PUT /api/workflows (and publish, restore, import) answer it, with the problems validation found. */
export interface WorkflowDetails {
  definitionId: string;
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  isReadOnly: boolean;
  updatedAt: string;
  document: FlowDocument;
  problems: ValidationError[];
}
