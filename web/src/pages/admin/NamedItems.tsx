// Departments, areas and themes: list, add, rename, delete (the API refuses to delete
// what is still in use and says so).
import { Button, Heading, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { Department, Domain, Named } from '../../api/models.js';
import { api } from '../../api.js';
import { SaveButtons, SelectField, TextField } from '../../components/Fields.js';
import { ErrorAlert, ErrorSummary, LiveStatus, Loading } from '../../components/feedback.js';
import { domainOptions } from '../../components/options.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useCheckedSubmit, useLoad, usePageTitle, useSubmit } from '../../hooks.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';
import { BackToAdmin } from './AdminHome.js';

type Kind = 'departments' | 'areas' | 'themes';
type Item = Named & { domain?: Domain };
const TEXT: Record<Kind, { title: MessageKey; caption: MessageKey; add: MessageKey }> = {
  departments: { title: 'admin.departments', caption: 'admin.departmentsCaption', add: 'admin.addDepartment' },
  areas: { title: 'admin.areas', caption: 'admin.areasCaption', add: 'admin.addArea' },
  themes: { title: 'admin.themes', caption: 'admin.themesCaption', add: 'admin.addTheme' },
};

export function NamedItems({ kind }: { kind: Kind }) {
  const { t } = useI18n();
  const text = TEXT[kind];
  usePageTitle(t(text.title));
  const org = useLoad((signal) => api.organisation(signal), [kind]);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useSubmit();
  const items: Item[] = org.data ? (kind === 'departments' ? org.data.departments : org.data[kind]) : [];
  const withDomain = kind === 'departments';

  async function remove(item: Item) {
    if (!window.confirm(t('admin.confirmDelete', { name: item.name }))) return;
    const ok = await action.run(async () => {
      if (kind === 'departments') await api.deleteDepartment(item.id);
      else await api.deleteNamed(kind, item.id);
      return true;
    });
    if (ok) {
      setStatus(t('admin.deleted', { name: item.name }));
      org.reload();
    }
  }

  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t(text.title)}</Heading>
      <LiveStatus message={status} />
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {org.loading && !org.data ? <Loading /> : null}
      {org.error ? <ErrorAlert error={org.error} /> : null}
      {org.data ? (
        <WideTable caption={t(text.caption)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.name')}</TableHeaderCell>
              {withDomain ? <TableHeaderCell scope="col">{t('admin.domain')}</TableHeaderCell> : null}
              <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) =>
              editing === item.id ? (
                <TableRow key={item.id}>
                  <TableCell colSpan={withDomain ? 3 : 2}>
                    <ItemForm
                      kind={kind}
                      item={item}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) {
                          setStatus(t('admin.saved', { name: saved.name }));
                          org.reload();
                        }
                      }}
                    />
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={item.id}>
                  <TableHeaderCell scope="row">{item.name}</TableHeaderCell>
                  {withDomain ? <TableCell>{item.domain ? t(`domain.${item.domain}`) : ''}</TableCell> : null}
                  <TableCell>
                    <div className="regie-button-row regie-button-row--tight">
                      <Button appearance="secondary-action-button" onClick={() => setEditing(item.id)} aria-label={t('admin.editN', { name: item.name })}>
                        {t('admin.edit')}
                      </Button>
                      <Button appearance="subtle-button" hint="danger" onClick={() => remove(item)} aria-label={t('admin.deleteN', { name: item.name })}>
                        {t('admin.delete')}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </WideTable>
      ) : null}
      <Section title={t(text.add)} className="regie-section regie-panel">
        <ItemForm
          kind={kind}
          onDone={(saved) => {
            if (saved) {
              setStatus(t('admin.added', { name: saved.name }));
              org.reload();
            }
          }}
        />
      </Section>
    </>
  );
}

/** Add (no item) or edit (item) one department, area or theme. */
function ItemForm({ kind, item, onDone }: { kind: Kind; item?: Item; onDone(saved: Item | null): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(['name', 'domain']);
  const [name, setName] = useState(item?.name ?? '');
  const [domain, setDomain] = useState<Domain>(item?.domain ?? 'physical');
  const prefix = item ? `edit-${item.id}` : `new-${kind}`;
  const ids = { name: `${prefix}-name`, domain: `${prefix}-domain` };
  const labels = { name: item ? t('admin.nameOf', { name: item.name }) : t('admin.name'), domain: t('admin.domain') };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!submit.checked(name.trim() ? {} : { name: t('admin.error.name') })) return;
    const saved = await submit.run<Item | Department>(() => {
      if (kind === 'departments') return item ? api.updateDepartment(item.id, { name: name.trim(), domain }) : api.createDepartment(name.trim(), domain);
      return item ? api.renameNamed(kind, item.id, name.trim()) : api.createNamed(kind, name.trim());
    });
    if (saved) {
      if (!item) setName('');
      onDone(saved);
    }
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-inline-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} ids={ids} />
      <TextField name="name" id={ids.name} label={labels.name} value={name} onChange={setName} error={errors.name} required />
      {kind === 'departments' ? (
        <SelectField
          name="domain"
          id={ids.domain}
          label={labels.domain}
          value={domain}
          onChange={(v) => setDomain(v as Domain)}
          error={errors.domain}
          options={domainOptions(t)}
        />
      ) : null}
      <SaveButtons editing={Boolean(item)} addLabel={t('admin.add')} busy={submit.busy} onCancel={() => onDone(null)} />
    </form>
  );
}
