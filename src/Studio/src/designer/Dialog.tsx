import { useEffect, useId, useRef, type ReactNode } from "react";

/** A modal dialog for the designer: titled, closed by Escape, focus moved into it when it opens. */
export function Dialog({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>("input, select, textarea, button:not(.dialog-close)") ?? box.current?.querySelector<HTMLElement>("button");
    first?.focus();
    // Escape closes it wherever the focus is (a click outside may have moved it).
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close.current();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div className="designer-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={titleId} className={`designer-dialog ${className ?? ""}`}>
        <header>
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="link dialog-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
