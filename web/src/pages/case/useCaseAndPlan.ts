import { useParams } from 'react-router';
import { api } from '../../api.js';
import { useLoad, usePageTitle } from '../../hooks.js';

/** The case in the path (:id) and its plan, for a page titled "<reference> <title>" once they are there. */
export function useCaseAndPlan(untilLoaded: string) {
  const { id = '' } = useParams();
  const data = useLoad(
    async (signal) => {
      const [c, plan] = await Promise.all([api.case(id, signal), api.plan(id, signal)]);
      return { c, plan };
    },
    [id],
  );
  usePageTitle(data.data ? `${data.data.c.reference} ${data.data.c.title}` : untilLoaded);
  return data;
}
