// Labelled form fields on Utrecht components: every input has a label, its
// description and error are linked with aria-describedby, and an invalid field says
// so (aria-invalid) next to the field as well as in the error summary.
import {
  Button,
  Checkbox,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { fieldId } from './forms.js';

interface Common {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
  /** append "(niet verplicht)" to the label */
  optional?: boolean;
  /** label only for assistive technology, e.g. in a table whose column header says it */
  hideLabel?: boolean;
  id?: string;
}

function describedBy(id: string, description: unknown, error: unknown) {
  return [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, description, error, optional, hideLabel, children, type }: Common & { id: string; children: ReactNode; type?: string }) {
  const { t } = useI18n();
  return (
    <FormField invalid={!!error} type={type}>
      <div className={hideLabel ? 'regie-visually-hidden' : 'utrecht-form-field__label'}>
        <FormLabel htmlFor={id}>
          {label}
          {optional ? <span className="regie-optional"> {t('form.optional')}</span> : null}
        </FormLabel>
      </div>
      <Notes id={id} description={description} error={error} errorClassName="utrecht-form-field__error-message" />
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

/** A field's description and error message, with the ids that aria-describedby points to. */
function Notes({ id, description, error, errorClassName }: { id: string; description?: ReactNode; error?: string; errorClassName?: string }) {
  const { t } = useI18n();
  return (
    <>
      {description ? (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      ) : null}
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`} className={errorClassName}>
          <span className="regie-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </FormFieldErrorMessage>
      ) : null}
    </>
  );
}

/** The props every text input, text area and select shares: id, name, value, required and the invalid state with its description. */
function control(p: Common & { value: string; onChange(v: string): void }) {
  const id = p.id ?? fieldId(p.name);
  return {
    id,
    name: p.name,
    value: p.value,
    onChange: (e: { target: { value: string } }) => p.onChange(e.target.value),
    required: p.required,
    invalid: !!p.error,
    'aria-describedby': describedBy(id, p.description, p.error),
  };
}

/**
 * A fieldset for a group of radios or checkboxes, in the Utrecht fieldset's classes. The
 * id, aria-describedby and aria-invalid sit on the <fieldset> itself (the library's
 * Fieldset puts the id on a wrapper and drops aria-invalid for a plain group), so an
 * error summary link lands on the group and the group says it is invalid.
 */
function Group({ id, legend, description, error, children }: { id: string; legend: ReactNode; description?: ReactNode; error?: string; children: ReactNode }) {
  const invalid = !!error;
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy(id, description, error)}
      aria-invalid={invalid || undefined}
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Notes id={id} description={description} error={error} />
      {children}
    </fieldset>
  );
}

export function TextField(
  p: Common & {
    value: string;
    onChange(v: string): void;
    type?: string;
    autoComplete?: string;
    inputMode?: 'numeric' | 'tel' | 'email' | 'text';
    min?: number;
    max?: number;
    size?: 'sm' | 'md';
  },
) {
  const c = control(p);
  return (
    <Frame {...p} id={c.id}>
      <Textbox
        {...c}
        type={p.type ?? 'text'}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        className={p.size === 'sm' ? 'regie-input--sm' : undefined}
      />
    </Frame>
  );
}

/** A required password box: the browser's password manager is told whether it is the current or a new one. */
export function PasswordField(p: Omit<Common, 'required'> & { value: string; onChange(v: string): void; kind: 'current' | 'new' }) {
  return <TextField {...p} type="password" required autoComplete={p.kind === 'current' ? 'current-password' : 'new-password'} />;
}

export function TextAreaField(p: Common & { value: string; onChange(v: string): void; rows?: number }) {
  const c = control(p);
  return (
    <Frame {...p} id={c.id}>
      <Textarea {...c} rows={p.rows ?? 5} />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(p: Common & { value: string; onChange(v: string): void; options: Option[]; placeholder?: string }) {
  const c = control(p);
  return (
    <Frame {...p} id={c.id}>
      <Select {...c}>
        {p.placeholder !== undefined ? <SelectOption value="">{p.placeholder}</SelectOption> : null}
        {p.options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </Frame>
  );
}

/** One checkbox with its label after it. */
export function CheckboxField({
  name,
  label,
  checked,
  onChange,
  description,
  id: given,
}: {
  name: string;
  label: ReactNode;
  checked: boolean;
  onChange(v: boolean): void;
  description?: ReactNode;
  id?: string;
}) {
  const id = given ?? fieldId(name);
  return (
    <FormField type="checkbox">
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={name}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={description ? `${id}-description` : undefined}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      ) : null}
    </FormField>
  );
}

/** A group of checkboxes in a fieldset with a legend; the value is the list of checked option values. */
export function CheckboxGroup(p: {
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  options: Option[];
  value: string[];
  onChange(v: string[]): void;
  error?: string;
  optional?: boolean;
}) {
  const { t } = useI18n();
  const id = fieldId(p.name);
  const toggle = (v: string, on: boolean) => p.onChange(on ? [...p.value, v] : p.value.filter((x) => x !== v));
  return (
    <Group
      id={id}
      legend={
        <>
          {p.legend}
          {p.optional ? <span className="regie-optional"> {t('form.optional')}</span> : null}
        </>
      }
      description={p.description}
      error={p.error}
    >
      <div className="regie-checkbox-list">
        {p.options.map((o) => (
          <CheckboxField
            key={o.value}
            name={`${p.name}-${o.value}`}
            label={o.label}
            checked={p.value.includes(o.value)}
            onChange={(on) => toggle(o.value, on)}
          />
        ))}
      </div>
    </Group>
  );
}

/**
 * A set of radio buttons in a fieldset with a legend. An error sits in the group with an
 * id, and the fieldset points to it (aria-describedby, aria-invalid), so the error
 * summary's link lands on the group and a screen reader hears why it is invalid.
 */
export function RadioGroup(p: {
  name: string;
  legend: ReactNode;
  options: Option[];
  value: string;
  onChange(v: string): void;
  description?: ReactNode;
  error?: string;
  id?: string;
}) {
  const id = p.id ?? fieldId(p.name);
  return (
    <Group id={id} legend={p.legend} description={p.description} error={p.error}>
      {p.options.map((o) => {
        // "--" never occurs in a fieldId, so an option can't share its id with another field
        const oid = `${id}--${o.value}`;
        return (
          <FormField type="radio" key={o.value}>
            <div className="utrecht-form-field__input">
              <RadioButton id={oid} name={p.name} value={o.value} checked={p.value === o.value} invalid={!!p.error} onChange={() => p.onChange(o.value)} />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={oid} type="radio" checked={p.value === o.value}>
                {o.label}
              </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Group>
  );
}

/** The buttons under an add-or-edit form: save (add for a new item), and cancel while editing. */
export function SaveButtons(p: { editing: boolean; addLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="regie-button-row">
      <Button type="submit" appearance="primary-action-button" busy={p.busy}>
        {p.editing ? t('admin.save') : p.addLabel}
      </Button>
      {p.editing ? (
        <Button appearance="subtle-button" onClick={p.onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
    </div>
  );
}

/** The period something is valid: a required start date and an optional end date. */
export function ValidityFields(p: {
  /** by field name, as for the whole form */
  ids: Record<string, string>;
  labels: Record<string, string>;
  errors: Record<string, string>;
  validFrom: string;
  validUntil: string;
  onValidFrom(v: string): void;
  onValidUntil(v: string): void;
  untilHint: string;
}) {
  return (
    <>
      <TextField
        name="validFrom"
        id={p.ids.validFrom}
        type="date"
        label={p.labels.validFrom}
        value={p.validFrom}
        onChange={p.onValidFrom}
        error={p.errors.validFrom}
        required
      />
      <TextField
        name="validUntil"
        id={p.ids.validUntil}
        type="date"
        label={p.labels.validUntil}
        optional
        description={p.untilHint}
        value={p.validUntil}
        onChange={p.onValidUntil}
        error={p.errors.validUntil}
      />
    </>
  );
}

/** A file input with its label, description and error, in the same frame as the text fields. */
export function FileField(p: Common & { accept?: string; onFile(file: File | null): void }) {
  const id = p.id ?? fieldId(p.name);
  return (
    <Frame {...p} id={id}>
      <input
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        className="utrecht-textbox regie-file-input"
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(id, p.description, p.error)}
        onChange={(e) => p.onFile(e.target.files?.[0] ?? null)}
      />
    </Frame>
  );
}
