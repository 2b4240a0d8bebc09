// A table that may be wider than the screen (at 320 px most are): it scrolls sideways
// in its wrapper, and the wrapper is a named region that takes keyboard focus so it can
// be scrolled without a mouse (WCAG 2.1.1, axe scrollable-region-focusable). The
// region is named by the table's caption.
import { Table, TableCaption, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type ReactNode, useId } from 'react';

export function WideTable({ caption, className, children }: { caption: ReactNode; className?: string; children: ReactNode }) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="regie-table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <Table className={className}>
        <TableCaption id={captionId}>{caption}</TableCaption>
        {children}
      </Table>
    </section>
  );
}

/**
 * The header row of a figures table: the first column names the rows, the others hold
 * numbers and are aligned like them (regie-number).
 */
export function ColumnHeads({ first, numbers }: { first: ReactNode; numbers: ReactNode[] }) {
  return (
    <TableHeader>
      <TableRow>
        <TableHeaderCell scope="col">{first}</TableHeaderCell>
        {numbers.map((label, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
          <TableHeaderCell key={i} scope="col" className="regie-number">
            {label}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}
