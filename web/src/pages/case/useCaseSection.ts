import type { CaseDetail } from '../../api/models.js';
import { useFocusedStatus } from '../../components/feedback.js';
import { useLoad } from '../../hooks.js';

/**
 * A section of the case page with its own data: loaded again when the case's status or
 * director changes (what the actor may do follows them), and after a change in the
 * section, which it passes on to the page. The change's message takes focus: the
 * control that was used (an overrule form, a decision) is often gone (WCAG 2.4.3).
 */
export function useCaseSection<T>(c: CaseDetail, load: (signal: AbortSignal) => Promise<T>, onChanged: () => void) {
  const data = useLoad(load, [c.id, c.status, c.director?.id]);
  const focused = useFocusedStatus();
  const changed = (message: string | null) => {
    if (message) focused.show(message);
    data.reload();
    onChanged();
  };
  return { data, status: focused.element, changed };
}
