import { memo, useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog>: focus moves inside, Tab stays inside, Escape closes, and focus returns to
 * what had it before (the button that opened it).
 */
export const Dialog = memo(function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="flows-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: let React unmount the dialog instead of the browser closing it behind React's back.
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
});
