import { memo } from "react";
import type { InputDescriptor } from "../../api/types";
import { Field } from "./Field";
import { choiceOf, editorFor, fits, languageOf, readValue, switchSyntax, syntaxChoices, writeValue, type InputValue } from "./formModel";
import { SyntaxSwitch } from "./SyntaxSwitch";
import { ValueEditor } from "./ValueEditor";
import { CodeField } from "./CodeField";
import { TextField } from "./TextField";
import { JsonField } from "./JsonField";

/**
 * One input of an activity (or a field of a list item): label, literal/expression switch, the editor its descriptor
 * asks for, help text and its errors. `holder` is the object the value lives in; changes return a new holder.
 */
export const InputField = memo(function InputField(props: {
  input: InputDescriptor;
  holder: Record<string, unknown>;
  onChange: (holder: Record<string, unknown>) => void;
  errors: string[];
  readOnly: boolean;
}) {
  const { input, holder, readOnly } = props;
  const value = readValue(holder, input);
  const set = (next: InputValue) => props.onChange(writeValue(holder, input, next));
  const editor = editorFor(input);
  const compact = editor.kind === "boolean" && value.mode === "literal";
  return (
    <Field label={input.displayName} help={input.description || undefined} required={input.required} errors={props.errors}
      disabled={readOnly} inline={compact}
      aside={
        <SyntaxSwitch label={input.displayName} choices={syntaxChoices(input, value)} current={choiceOf(input, value)} disabled={readOnly}
          onSwitch={(syntax) => set(switchSyntax(input, value, syntax))} />
      }>
      {(a11y) => {
        if (value.mode === "expression") {
          const text = value.value as string;
          const change = (v: string) => set({ ...value, value: v });
          if (value.syntax === "Variable") return <TextField a11y={a11y} value={text} onChange={change} placeholder="variable name" />;
          return <CodeField a11y={a11y} value={text} language={languageOf(value.syntax)} onChange={change} />;
        }
        const literal = (v: unknown) => set({ ...value, value: v });
        // A shape this editor cannot show (an object in a text input...) is edited as JSON rather than lost.
        if (!fits(editor, value.value)) return <JsonField a11y={a11y} value={value.value} loose={false} onChange={literal} />;
        return <ValueEditor a11y={a11y} input={input} editor={editor} value={value.value} onChange={literal} />;
      }}
    </Field>
  );
});
