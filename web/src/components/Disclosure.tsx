// A form opened on demand: a button with aria-expanded shows the form below it, focus
// moves to the form's first field, and Escape or "Annuleren" closes it again and
// returns focus to the button (WAI-ARIA disclosure pattern; WCAG 2.4.3 focus order).
// When the form is done it closes and its status message takes focus.
import { Button } from '@utrecht/component-library-react';
import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useFocusedStatus } from './feedback.js';
import { focusById, InlineForm } from './InlineForm.js';

export function FormDisclosure({
  label,
  danger = false,
  children,
}: {
  /** the button that opens the form, e.g. "Notitie toevoegen" */
  label: string;
  danger?: boolean;
  /** the form; `done(message)` closes it and shows the message */
  children: (done: (message: string) => void) => ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const buttonId = useId();
  const panelId = useId();
  const status = useFocusedStatus();
  const close = () => {
    setOpen(false);
    focusById(buttonId);
  };
  return (
    <div className="regie-disclosure">
      {status.element}
      <Button
        id={buttonId}
        appearance="secondary-action-button"
        hint={danger ? 'danger' : undefined}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (open) close();
          else {
            status.clear();
            setOpen(true);
          }
        }}
      >
        {label}
      </Button>
      <div id={panelId} hidden={!open} className="regie-disclosure__panel">
        {open ? (
          <InlineForm onEscape={close}>
            {children((message) => {
              setOpen(false);
              status.show(message);
            })}
            <Button appearance="subtle-button" onClick={close}>
              {t('common.cancel')}
            </Button>
          </InlineForm>
        ) : null}
      </div>
    </div>
  );
}
