// The actions of the plan as an editable table. Every input has its own label
// ("Omschrijving actie 2"), visually hidden because the column header says it.
import {
  Button,
  FormFieldErrorMessage,
  Select,
  SelectOption,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ACTION_STATUSES, type ActionStatus, type Department, OWNER_KINDS, type OwnerKind } from '../../api/models.js';
import { fieldId } from '../../components/forms.js';
import { ActionHeaderCells } from '../../components/PlanView.js';
import { WideTable } from '../../components/WideTable.js';
import { useI18n } from '../../i18n/index.js';

export interface Row {
  key: string;
  description: string;
  ownerKind: OwnerKind;
  ownerDepartmentId: string;
  ownerName: string;
  dueOn: string;
  status: ActionStatus;
}

function Cell({ name, label, error, children }: { name: string; label: string; error?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`regie-cell${error ? ' regie-cell--invalid' : ''}`}>
      <label htmlFor={id} className="regie-visually-hidden">
        {label}
      </label>
      {children(id, error ? `${id}-error` : undefined)}
      {error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : null}
    </div>
  );
}

export function ActionRows({
  rows,
  departments,
  errors,
  onChange,
  onRemove,
}: {
  rows: Row[];
  departments: Department[];
  errors: Record<string, string>;
  onChange(i: number, patch: Partial<Row>): void;
  onRemove(i: number): void;
}) {
  const { t } = useI18n();
  return (
    <WideTable caption={t('planEditor.actionsCaption')} className="regie-edit-table">
      <TableHeader>
        <TableRow>
          <ActionHeaderCells />
          <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r, i) => {
          const n = i + 1;
          const name = (f: string) => `actions.${i}.${f}`;
          return (
            <TableRow key={r.key}>
              <TableCell>{n}</TableCell>
              <TableCell>
                <Cell name={name('description')} label={t('planEditor.descriptionN', { n })} error={errors[name('description')]}>
                  {(id, d) => (
                    <Textarea
                      id={id}
                      rows={2}
                      value={r.description}
                      invalid={!!d}
                      aria-describedby={d}
                      required
                      onChange={(e) => onChange(i, { description: e.target.value })}
                    />
                  )}
                </Cell>
              </TableCell>
              <TableCell>
                <Cell name={name('ownerKind')} label={t('planEditor.ownerKindN', { n })} error={errors[name('ownerKind')]}>
                  {(id, d) => (
                    <Select
                      id={id}
                      value={r.ownerKind}
                      invalid={!!d}
                      aria-describedby={d}
                      onChange={(e) => onChange(i, { ownerKind: e.target.value as OwnerKind })}
                    >
                      {OWNER_KINDS.map((k) => (
                        <SelectOption key={k} value={k}>
                          {t(`owner.${k}`)}
                        </SelectOption>
                      ))}
                    </Select>
                  )}
                </Cell>
                {r.ownerKind === 'department' ? (
                  <Cell name={name('ownerDepartmentId')} label={t('planEditor.departmentN', { n })} error={errors[name('ownerDepartmentId')]}>
                    {(id, d) => (
                      <Select
                        id={id}
                        value={r.ownerDepartmentId}
                        invalid={!!d}
                        aria-describedby={d}
                        required
                        onChange={(e) => onChange(i, { ownerDepartmentId: e.target.value })}
                      >
                        <SelectOption value="">{t('planEditor.chooseDepartment')}</SelectOption>
                        {departments.map((dep) => (
                          <SelectOption key={dep.id} value={dep.id}>
                            {dep.name}
                          </SelectOption>
                        ))}
                      </Select>
                    )}
                  </Cell>
                ) : null}
                {r.ownerKind === 'external' ? (
                  <Cell name={name('ownerName')} label={t('planEditor.ownerNameN', { n })} error={errors[name('ownerName')]}>
                    {(id, d) => (
                      <Textbox
                        id={id}
                        value={r.ownerName}
                        invalid={!!d}
                        aria-describedby={d}
                        required
                        onChange={(e) => onChange(i, { ownerName: e.target.value })}
                      />
                    )}
                  </Cell>
                ) : null}
              </TableCell>
              <TableCell>
                <Cell name={name('dueOn')} label={t('planEditor.dueOnN', { n })} error={errors[name('dueOn')]}>
                  {(id, d) => (
                    <Textbox
                      id={id}
                      type="date"
                      value={r.dueOn}
                      invalid={!!d}
                      aria-describedby={d}
                      required
                      onChange={(e) => onChange(i, { dueOn: e.target.value })}
                    />
                  )}
                </Cell>
              </TableCell>
              <TableCell>
                <Cell name={name('status')} label={t('planEditor.statusN', { n })} error={errors[name('status')]}>
                  {(id, d) => (
                    <Select
                      id={id}
                      value={r.status}
                      invalid={!!d}
                      aria-describedby={d}
                      onChange={(e) => onChange(i, { status: e.target.value as ActionStatus })}
                    >
                      {ACTION_STATUSES.map((s) => (
                        <SelectOption key={s} value={s}>
                          {t(`actionStatus.${s}`)}
                        </SelectOption>
                      ))}
                    </Select>
                  )}
                </Cell>
              </TableCell>
              <TableCell>
                <Button appearance="subtle-button" hint="danger" onClick={() => onRemove(i)}>
                  {t('planEditor.removeN', { n })}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </WideTable>
  );
}
