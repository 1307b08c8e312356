import { memo } from "react";

/** Move up, move down and remove buttons of one list row, named after the row ("Remove By 2"). */
export const ItemButtons = memo(function ItemButtons(props: {
  name: string;
  index: number;
  count: number;
  disabled: boolean;
  onMove?: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const { name, index, count, disabled } = props;
  return (
    <span className="prop-item-buttons">
      {props.onMove && (
        <>
          <button type="button" className="prop-icon" aria-label={`Move ${name} up`} title="Move up" disabled={disabled || index === 0}
            onClick={() => props.onMove!(index, index - 1)}>↑</button>
          <button type="button" className="prop-icon" aria-label={`Move ${name} down`} title="Move down" disabled={disabled || index === count - 1}
            onClick={() => props.onMove!(index, index + 1)}>↓</button>
        </>
      )}
      <button type="button" className="prop-icon danger" aria-label={`Remove ${name}`} title="Remove" disabled={disabled}
        onClick={() => props.onRemove(index)}>×</button>
    </span>
  );
});
