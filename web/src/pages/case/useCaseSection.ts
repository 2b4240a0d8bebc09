import { useState } from 'react';
import type { CaseDetail } from '../../api/models.js';
import { useLoad } from '../../hooks.js';

/**
 * A section of the case page with its own data: loaded again when the case's status or
 * director changes (what the actor may do follows them), and after a change in the
 * section, which it announces and passes on to the page.
 */
export function useCaseSection<T>(c: CaseDetail, load: (signal: AbortSignal) => Promise<T>, onChanged: () => void) {
  const data = useLoad(load, [c.id, c.status, c.director?.id]);
  const [status, setStatus] = useState<string | null>(null);
  const changed = (message: string | null) => {
    setStatus(message);
    data.reload();
    onChanged();
  };
  return { data, status, changed };
}
