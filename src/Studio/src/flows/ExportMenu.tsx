import { memo, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { FlowFormats, type FlowFormat } from "./flowModel";

/** The Export button of a row: a small menu of formats (arrow keys move, Escape closes and refocuses the button). */
export const ExportMenu = memo(function ExportMenu({ definitionId, onExport }: {
  definitionId: string;
  onExport: (definitionId: string, format: FlowFormat) => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>("button")?.focus();
    // A click anywhere else closes the menu, as menus do.
    const close = (e: MouseEvent) => {
      if (!menu.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = (at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  };

  return (
    <span
      className="export-menu"
      onBlur={(e) => {
        // Tabbing out of the menu closes it, like a click elsewhere.
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Export ${definitionId}`}
        onClick={() => setOpen((o) => !o)}
      >
        Export ▾
      </button>
      {open && (
        <ul ref={menu} role="menu" aria-label={`Export ${definitionId} as`} onKeyDown={onKeyDown}>
          {FlowFormats.map(({ format, label }) => (
            <li key={format} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  button.current?.focus();
                  onExport(definitionId, format);
                }}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
});
