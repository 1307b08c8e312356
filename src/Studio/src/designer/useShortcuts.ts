import { useEffect, useRef } from "react";

export interface ShortcutHandlers {
  /** Whether there was a selection to copy (otherwise the browser copies selected text as usual). */
  copy: () => boolean;
  /** Whether there was something to paste. */
  paste: () => boolean;
  undo: () => void;
  redo: () => void;
  save: () => void;
  help: () => void;
}

/** Whether a key press belongs to a text field (inputs, CodeMirror), where Ctrl+C/Z mean text editing. */
function isTyping(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest(".cm-editor, [role=dialog]") !== null;
}

/** The designer's keyboard shortcuts (Delete is React Flow's own); active while the designer is on screen. */
export function useShortcuts(handlers: ShortcutHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const h = latest.current;
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (ctrl && key === "c") {
        if (!h.copy()) return;
      } else if (ctrl && key === "v") {
        if (!h.paste()) return;
      } else if (ctrl && key === "z" && !e.shiftKey) h.undo();
      else if (ctrl && ((key === "z" && e.shiftKey) || key === "y")) h.redo();
      else if (ctrl && key === "s") h.save();
      else if (e.key === "?") h.help();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
