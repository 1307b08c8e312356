import { memo } from "react";
import { PageSizes, pageRange } from "./instanceQuery";

/** Prev/Next over a skip/take list, with "21-40 of 45" and a page size. */
export const Pager = memo(function Pager({ skip, take, count, total, label, onChange }: {
  skip: number;
  take: number;
  count: number;
  total: number;
  label: string;
  onChange: (skip: number, take: number) => void;
}) {
  const range = pageRange(skip, count, total);
  return (
    <nav className="pager" aria-label={label}>
      <span aria-live="polite">{range ? `${range.from}-${range.to} of ${total}` : `0 of ${total}`}</span>
      <button type="button" onClick={() => onChange(Math.max(0, skip - take), take)} disabled={skip === 0}>Prev</button>
      <button type="button" onClick={() => onChange(skip + take, take)} disabled={skip + count >= total}>Next</button>
      <label>
        Per page{" "}
        <select value={take} onChange={(e) => onChange(0, Number(e.target.value))}>
          {(PageSizes.includes(take) ? PageSizes : [...PageSizes, take].sort((a, b) => a - b)).map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
    </nav>
  );
});
