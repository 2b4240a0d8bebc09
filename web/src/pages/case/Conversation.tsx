import { useState } from 'react';
import type { CaseDetail, NoteVisibility } from '../../api/models.js';
import { api } from '../../api.js';
import { FormDisclosure } from '../../components/Disclosure.js';
import { RadioGroup } from '../../components/Fields.js';
import { Section } from '../../components/Section.js';
import { TextForm } from '../../components/TextForm.js';
import { useI18n } from '../../i18n/index.js';

export function Conversation({ c, onPosted }: { c: CaseDetail; onPosted(): void }) {
  const { t } = useI18n();
  const [visibility, setVisibility] = useState<NoteVisibility>('internal');
  if (!c.abilities.note && !c.abilities.message) return null;
  return (
    <div className="regie-two-columns">
      {c.abilities.note ? (
        <Section title={t('caseUx.notesTitle')} anchor="notities">
          <FormDisclosure label={t('note.title')}>
            {(done) => (
              <TextForm
                name="note"
                label={t('note.label')}
                submitLabel={t('caseUx.noteSubmit')}
                requiredMessage={t('note.required')}
                doneMessage={visibility === 'internal' ? t('note.addedInternal') : t('note.addedShared')}
                onDone={done}
                onSubmit={async (text) => {
                  await api.addNote(c.id, text, visibility);
                  onPosted();
                }}
              >
                <RadioGroup
                  name="visibility"
                  legend={t('note.visibility')}
                  value={visibility}
                  onChange={(v) => setVisibility(v === 'shared' ? 'shared' : 'internal')}
                  options={[
                    { value: 'internal', label: t('note.internal') },
                    { value: 'shared', label: t('note.shared') },
                  ]}
                />
              </TextForm>
            )}
          </FormDisclosure>
        </Section>
      ) : null}
      {c.abilities.message ? (
        <MessageSection
          caseId={c.id}
          title={t('message.titleStaff')}
          label={t('message.labelStaff')}
          description={t('message.hintStaff')}
          onSent={onPosted}
          onDemand
        />
      ) : null}
    </div>
  );
}

/** A message about the case between the initiator and the director, in its own section. */
export function MessageSection(p: { caseId: string; title: string; label: string; description: string; onSent(): void; onDemand?: boolean }) {
  const { t } = useI18n();
  const form = (done?: (message: string) => void) => (
    <TextForm
      name="message"
      label={p.label}
      description={p.description}
      submitLabel={t('message.submit')}
      requiredMessage={t('message.required')}
      doneMessage={t('message.sent')}
      onDone={done}
      onSubmit={async (text) => {
        await api.sendMessage(p.caseId, text);
        p.onSent();
      }}
    />
  );
  return (
    <Section title={p.title} anchor={p.onDemand ? 'bericht' : undefined}>
      {p.onDemand ? <FormDisclosure label={t('caseUx.messageOpen')}>{form}</FormDisclosure> : form()}
    </Section>
  );
}
