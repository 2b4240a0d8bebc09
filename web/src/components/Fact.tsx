import { DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** One key and its value in a description list (DataList). */
export function Fact({ k, children }: { k: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{k}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}
