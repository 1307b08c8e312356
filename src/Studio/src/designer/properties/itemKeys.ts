import { useRef } from "react";

/**
 * Stable React keys for the rows of a list editor, moved along with the rows, so that a row's local state (the text
 * of a number being typed) follows it when rows are removed or reordered.
 */
export function useItemKeys(length: number) {
  const keys = useRef<number[]>([]);
  const next = useRef(0);
  while (keys.current.length < length) keys.current.push(next.current++);
  if (keys.current.length > length) keys.current = keys.current.slice(0, length);
  return {
    keys: keys.current,
    remove(index: number) {
      keys.current = keys.current.filter((_, i) => i !== index);
    },
    move(from: number, to: number) {
      const copy = [...keys.current];
      const [key] = copy.splice(from, 1);
      copy.splice(to, 0, key);
      keys.current = copy;
    },
  };
}

/** A list with one item moved from one index to another. */
export function moved<T>(items: T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}
