import { memo } from "react";

/**
 * Move up, move down and remove buttons of one list row, named after the row ("Remove By 2") by hidden text rather
 * than aria-label, so looking a field up by its label does not find them too.
 */
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
          <button type="button" className="prop-icon" title="Move up" disabled={disabled || index === 0}
            onClick={() => props.onMove!(index, index - 1)}>
            <Hidden text={`Move ${name} up`} /><span aria-hidden="true">↑</span>
          </button>
          <button type="button" className="prop-icon" title="Move down" disabled={disabled || index === count - 1}
            onClick={() => props.onMove!(index, index + 1)}>
            <Hidden text={`Move ${name} down`} /><span aria-hidden="true">↓</span>
          </button>
        </>
      )}
      <button type="button" className="prop-icon danger" title="Remove" disabled={disabled}
        onClick={() => props.onRemove(index)}>
        <Hidden text={`Remove ${name}`} /><span aria-hidden="true">×</span>
      </button>
    </span>
  );
});

/** The button's name for assistive technology; the arrow or cross beside it is hidden from it. */
function Hidden(props: { text: string }) {
  return <span className="visually-hidden">{props.text}</span>;
}
