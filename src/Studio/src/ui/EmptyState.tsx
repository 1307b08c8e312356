import type { ReactNode } from "react";

/** What a page shows when it has nothing to list yet, with the next step to take. */
export function EmptyState({ title, detail, children }: { title: string; detail?: string; children?: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      {detail && <p>{detail}</p>}
      {children}
    </section>
  );
}
