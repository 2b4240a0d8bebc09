// Staff set or clear the address and point of a case after intake, with the intake's
// PlaceField (address suggestions, the map, the keyboard); the location in words stays
// as it is (docs/product.md#address-and-point-of-a-case, docs/product.md#area-from-the-point).
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { CaseDetail } from '../../api/models.js';
import { api } from '../../api.js';
import { FormDisclosure } from '../../components/Disclosure.js';
import { ErrorAlert } from '../../components/feedback.js';
import { type PickedPlace, PlaceField } from '../../components/geo/PlaceField.js';
import { Section } from '../../components/Section.js';
import { useSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

export function PlaceControl({ c, onChanged }: { c: CaseDetail; onChanged(c: CaseDetail, message: string): void }) {
  const { t } = useI18n();
  if (!c.abilities.changePlace) return null;
  return (
    <Section title={t('place.title')} level={3} className="regie-subsection">
      <FormDisclosure label={t('place.change')}>{(done) => <PlaceForm c={c} onChanged={onChanged} done={done} />}</FormDisclosure>
    </Section>
  );
}

function PlaceForm({ c, onChanged, done }: { c: CaseDetail; onChanged(c: CaseDetail, message: string): void; done(message: string): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [words, setWords] = useState(c.location);
  const [place, setPlace] = useState<PickedPlace | null>(c.place ? { addressId: c.place.addressId, lon: c.place.lon, lat: c.place.lat, label: null } : null);
  const [missing, setMissing] = useState(false);

  const save = async (next: PickedPlace | null, message: string) => {
    const r = await submit.run(() => api.changePlace(c, next ? { addressId: next.addressId, lon: next.lon, lat: next.lat } : null));
    if (r) {
      onChanged(r, message);
      done(message);
    }
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!place) {
      setMissing(true);
      return;
    }
    setMissing(false);
    await save(place, t('place.saved'));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      <PlaceField
        name="casePlace"
        label={t('place.field')}
        description={t('place.fieldHint')}
        value={words}
        onChange={setWords}
        place={place}
        onPlace={setPlace}
        error={missing ? t('place.required') : undefined}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
          {t('place.save')}
        </Button>
        {c.place ? (
          <Button type="button" appearance="secondary-action-button" onClick={() => save(null, t('place.cleared'))}>
            {t('place.clear')}
          </Button>
        ) : null}
      </ButtonGroup>
      {c.place ? null : <Paragraph>{t('geo.pointNone')}</Paragraph>}
    </form>
  );
}
