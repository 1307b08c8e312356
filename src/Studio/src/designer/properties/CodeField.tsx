import { memo, useEffect, useRef } from "react";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, keymap, placeholder as placeholderText } from "@codemirror/view";
import { javascript } from "@codemirror/lang-javascript";
import { sql } from "@codemirror/lang-sql";
import { liquid } from "@codemirror/lang-liquid";
import type { FieldA11y } from "./Field";
import type { CodeLanguage } from "./formModel";

/**
 * A compact setup assembled from the CodeMirror 6 packages: history, highlighting and the default keys. Tab is left to
 * keyboard navigation (Ctrl-] indents).
 */
const setup: Extension = [
  history(),
  drawSelection(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  keymap.of([...defaultKeymap, ...historyKeymap]),
];

/** Marks the transactions that bring in a value from props, so they are not reported back as edits. */
const external = Annotation.define<boolean>();

function languageExtension(language: CodeLanguage): Extension {
  switch (language) {
    case "javascript":
      return javascript();
    case "sql":
      return sql();
    case "liquid":
      return liquid();
    default:
      return [];
  }
}

/** The attributes CodeMirror puts on its editable content: the accessible name and the field's state. */
function contentAttributes(a11y: FieldA11y): Record<string, string> {
  const attributes: Record<string, string> = { "aria-label": a11y.label, "aria-multiline": "true" };
  if (a11y.describedBy) attributes["aria-describedby"] = a11y.describedBy;
  if (a11y.invalid) attributes["aria-invalid"] = "true";
  if (a11y.required) attributes["aria-required"] = "true";
  if (a11y.disabled) attributes["aria-readonly"] = "true";
  return attributes;
}

/** A compact CodeMirror 6 editor with JavaScript, SQL or Liquid highlighting, controlled by `value`. */
export const CodeField = memo(function CodeField(props: {
  a11y: FieldA11y;
  value: string;
  language: CodeLanguage;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  // Compartments let language, read-only state and aria attributes change without rebuilding the editor.
  const compartments = useRef({ language: new Compartment(), readOnly: new Compartment(), attributes: new Compartment(), hint: new Compartment() });

  const readOnlyExtension = (disabled: boolean) => [EditorState.readOnly.of(disabled), EditorView.editable.of(!disabled)];

  useEffect(() => {
    const c = compartments.current;
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          setup,
          EditorView.lineWrapping,
          c.language.of(languageExtension(props.language)),
          c.readOnly.of(readOnlyExtension(props.a11y.disabled)),
          c.attributes.of(EditorView.contentAttributes.of(contentAttributes(props.a11y))),
          c.hint.of(props.placeholder ? placeholderText(props.placeholder) : []),
          EditorView.updateListener.of((update) => {
            // Only the user's edits are reported; the sync below dispatches with the value it was given.
            if (update.docChanged && !update.transactions.some((t) => t.annotation(external))) onChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is built once; the effects below follow prop changes.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== props.value)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.value }, annotations: external.of(true) });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.language.reconfigure(languageExtension(props.language)) });
  }, [props.language]);

  const { a11y } = props;
  useEffect(() => {
    const c = compartments.current;
    view.current?.dispatch({
      effects: [
        c.readOnly.reconfigure(readOnlyExtension(a11y.disabled)),
        c.attributes.reconfigure(EditorView.contentAttributes.of(contentAttributes(a11y))),
        c.hint.reconfigure(props.placeholder ? placeholderText(props.placeholder) : []),
      ],
    });
  }, [a11y.label, a11y.describedBy, a11y.invalid, a11y.required, a11y.disabled, props.placeholder]);

  return <div ref={host} id={a11y.id} className={`prop-code${a11y.invalid ? " prop-code-invalid" : ""}`} data-language={props.language} />;
});
