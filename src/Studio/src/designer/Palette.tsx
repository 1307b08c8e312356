import { memo, useDeferredValue, useMemo, useState, type DragEvent } from "react";
import type { ActivityDescriptor } from "../api/types";
import { ActivityDragType } from "./FlowCanvas";

/** Categories the palette leaves out: activities the engine adds itself. */
const HiddenCategories = new Set(["Internal"]);

/**
 * The activity palette: descriptors grouped by category with a search over type, display name and description. Drag an
 * item onto the canvas, or press Enter (or click) on it to add it at the centre.
 */
export const Palette = memo(function Palette({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd: (type: string) => void }) {
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toLowerCase());
  const groups = useMemo(() => {
    const matching = descriptors.filter(
      (d) =>
        !HiddenCategories.has(d.category) &&
        (!query || d.type.toLowerCase().includes(query) || d.displayName.toLowerCase().includes(query) || d.description.toLowerCase().includes(query)),
    );
    const byCategory = new Map<string, ActivityDescriptor[]>();
    for (const d of matching) byCategory.set(d.category, [...(byCategory.get(d.category) ?? []), d]);
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [descriptors, query]);

  const onDragStart = (e: DragEvent, type: string) => {
    e.dataTransfer.setData(ActivityDragType, type);
    e.dataTransfer.setData("text/plain", type);
    e.dataTransfer.effectAllowed = "copy";
  };

  return (
    <aside className="designer-palette" aria-label="Activities">
      <input type="search" placeholder="Search activities" aria-label="Search activities" value={search} onChange={(e) => setSearch(e.target.value)} />
      {groups.length === 0 && <p className="designer-muted">No activity matches “{search}”.</p>}
      {groups.map(([category, items]) => (
        <section key={category} className="palette-group" aria-label={category}>
          <h3>{category}</h3>
          <ul>
            {items.map((d) => (
              <li key={d.type}>
                <button type="button" className="palette-item" draggable aria-label={d.displayName} aria-description={d.description} data-activity-type={d.type}
                  title={`${d.description}\nDrag onto the canvas, or press Enter to add it at the centre.`}
                  onDragStart={(e) => onDragStart(e, d.type)} onClick={() => onAdd(d.type)}>
                  <span className="palette-item-name">{d.displayName}</span>
                  <span className="palette-item-description">{d.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
});
