// The intake's place: the location in words, with address suggestions from PDOK's
// Locatieserver through Regie (a combobox: type, arrow keys, Enter), and a map to
// point out the place (click or tap; Enter and the arrow keys with the keyboard).
// Free text always stays possible: when suggestions fail or find nothing, the words
// are the place (docs/product.md#address-and-point-of-a-case, docs/geo.md).
import { Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/index.js';
import { fieldId } from '../forms.js';
import { type LonLat, MapView } from './MapView.js';

/** What the intake sends as `place`: a point, with the BAG id when it is an address. */
export interface PickedPlace extends LonLat {
  addressId: string | null;
  /** the suggestion's text, when the point came from one */
  label: string | null;
}

interface Suggestion {
  id: string;
  label: string;
  type: string;
}

/** Wait this long after the last key before asking for suggestions. */
const TYPING_PAUSE_MS = 250;

export function PlaceField({
  name,
  label,
  description,
  value,
  onChange,
  place,
  onPlace,
  error,
}: {
  name: string;
  label: string;
  description: string;
  value: string;
  onChange(v: string): void;
  place: PickedPlace | null;
  onPlace(p: PickedPlace | null): void;
  error?: string;
}) {
  const { t } = useI18n();
  const id = fieldId(name);
  const listId = useId();
  const mapHintId = useId();
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [unavailable, setUnavailable] = useState(false);
  const typed = useRef(false);

  // Suggestions for what was typed, after a short pause; none for what a pick wrote.
  useEffect(() => {
    if (!typed.current || value.trim().length < 3 || unavailable) {
      setItems([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const r = await api.suggestAddresses(value.trim(), abort.signal);
        setItems(r.items);
        setActive(-1);
        setOpen(true);
        setStatus(r.items.length ? t('geo.suggestionsCount', { count: r.items.length }) : t('geo.noSuggestions'));
      } catch (e) {
        if (abort.signal.aborted) return;
        // 503 (PDOK unreachable), 404 (switched off), 429: the words are the place.
        setItems([]);
        setOpen(false);
        setUnavailable(true);
        setStatus(t('geo.suggestionsUnavailable'));
        void e;
      }
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [value, unavailable, t]);

  async function choose(s: Suggestion) {
    typed.current = false;
    onChange(s.label);
    setOpen(false);
    setItems([]);
    try {
      const a = await api.lookupAddress(s.id);
      onPlace({ addressId: a.addressId, lon: a.lon, lat: a.lat, label: a.label });
      setStatus(t('geo.addressPicked', { label: a.label }));
    } catch {
      setStatus(t('geo.suggestionsUnavailable'));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!open || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = items.length;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      const s = items[active];
      if (s) void choose(s);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  function onType(v: string) {
    typed.current = true;
    onChange(v);
    // The words changed: a point that came from an address no longer says where.
    if (place?.addressId) onPlace(null);
  }

  function onMapPick(p: LonLat) {
    onPlace({ ...p, addressId: null, label: null });
    setStatus(t('geo.pointPicked', { lat: p.lat.toFixed(5), lon: p.lon.toFixed(5) }));
  }

  const expanded = open && items.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;
  const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      <FormField invalid={!!error}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{label}</FormLabel>
        </div>
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description} {t('geo.suggestionsHint')}
        </FormFieldDescription>
        {error ? (
          <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
            <span className="regie-visually-hidden">{t('form.errorPrefix')} </span>
            {error}
          </FormFieldErrorMessage>
        ) : null}
        <div className="utrecht-form-field__input regie-combobox">
          <Textbox
            id={id}
            name={name}
            value={value}
            required
            invalid={!!error}
            autoComplete="off"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            aria-describedby={describedBy}
            onChange={(e: { target: { value: string } }) => onType(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <div id={listId} role="listbox" aria-label={t('geo.suggestions')} className="regie-combobox__list" hidden={!expanded}>
            {items.map((s, i) => (
              <div
                key={s.id}
                tabIndex={-1}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="regie-combobox__option"
                // mousedown, not click: the field's blur would close the list first
                onMouseDown={(e) => {
                  e.preventDefault();
                  void choose(s);
                }}
              >
                {s.label}
              </div>
            ))}
          </div>
        </div>
      </FormField>
      <output className="regie-visually-hidden" aria-live="polite">
        {status}
      </output>
      <Paragraph id={mapHintId}>{t('geo.pickMapHint')}</Paragraph>
      <MapView label={t('geo.pickMap')} describedBy={mapHintId} picked={place} onPick={onMapPick} />
      <Paragraph>
        {place
          ? place.label
            ? t('geo.addressChosen', { label: place.label })
            : t('geo.pointChosen', { lat: place.lat.toFixed(5), lon: place.lon.toFixed(5) })
          : t('geo.pointNone')}{' '}
        {place ? (
          <Button
            appearance="subtle-button"
            onClick={() => {
              onPlace(null);
              setStatus(t('geo.pointRemoved'));
            }}
          >
            {t('geo.removePoint')}
          </Button>
        ) : null}
      </Paragraph>
    </>
  );
}
