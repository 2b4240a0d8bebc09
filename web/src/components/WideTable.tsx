// A table that may be wider than the screen (at 320 px most are): it scrolls sideways
// in its wrapper, and the wrapper is a named region that takes keyboard focus so it can
// be scrolled without a mouse (WCAG 2.1.1, axe scrollable-region-focusable). The
// region is named by the table's caption.
import { Table, TableCaption } from '@utrecht/component-library-react';
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
