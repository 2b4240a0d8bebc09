// The case timeline: every change, note and message, oldest first. The initiator sees
// only what was shared with them (the API filters); staff see internal notes marked.
import { Blockquote, Button, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { CaseEvent } from '../api/models.js';
import { type ApiError, api } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { eventText, eventTitle } from './eventText.js';
import { ErrorAlert, Loading } from './feedback.js';
import { Section } from './Section.js';

export function Timeline({
  caseId,
  reloadKey = 0,
  headingLevel = 2,
  showVisibility = false,
  anchor,
}: {
  caseId: string;
  reloadKey?: number;
  headingLevel?: number;
  showVisibility?: boolean;
  /** a stable id for the in-page menu of the case page */
  anchor?: string;
}) {
  const { t, date, dateTime } = useI18n();
  const [items, setItems] = useState<CaseEvent[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh load after a post
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    api
      .events(caseId, undefined, ctl.signal)
      .then((p) => {
        setItems(p.items);
        setNext(p.nextCursor);
        setError(null);
      })
      .catch((e: ApiError) => {
        if (!ctl.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [caseId, reloadKey]);

  async function more() {
    if (!next) return;
    try {
      const p = await api.events(caseId, next);
      setItems((x) => [...x, ...p.items]);
      setNext(p.nextCursor);
    } catch (e) {
      setError(e as ApiError);
    }
  }

  return (
    <Section title={t('timeline.title')} level={headingLevel} anchor={anchor}>
      {loading && !items.length ? <Loading /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {!loading && !items.length && !error ? <Paragraph>{t('timeline.empty')}</Paragraph> : null}
      <ol className="regie-timeline">
        {items.map((e) => {
          const text = eventText(e);
          return (
            <li key={e.id} className={`regie-timeline__item regie-timeline__item--${e.visibility}`}>
              <p className="regie-timeline__meta">
                <time dateTime={e.createdAt}>{dateTime(e.createdAt)}</time>
                {e.actor ? <> · {e.actor.name}</> : null}
                {showVisibility && e.visibility === 'internal' ? (
                  <>
                    {' '}
                    <StatusBadge status="warning">{t('timeline.internal')}</StatusBadge>
                  </>
                ) : null}
              </p>
              <p className="regie-timeline__title">{eventTitle(e, t, date)}</p>
              {text ? <Blockquote className="regie-timeline__text">{text}</Blockquote> : null}
            </li>
          );
        })}
      </ol>
      {next ? (
        <Button appearance="secondary-action-button" onClick={more}>
          {t('timeline.more')}
        </Button>
      ) : null}
    </Section>
  );
}
