import { Heading, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { AppLink } from '../../components/links.js';
import { Section } from '../../components/Section.js';
import { WideTable } from '../../components/WideTable.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { BackToAdmin } from './AdminHome.js';
import { UserForm } from './UserForm.js';

export function Users() {
  const { t } = useI18n();
  usePageTitle(t('admin.users'));
  const data = useLoad(async (signal) => {
    const [users, org] = await Promise.all([api.users(undefined, signal), api.organisation(signal)]);
    return { users: users.items, org };
  }, []);
  const [status, setStatus] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const nameOf = (list: { id: string; name: string }[], ids: string[]) =>
    ids
      .map((id) => list.find((x) => x.id === id)?.name)
      .filter(Boolean)
      .join(', ');

  return (
    <>
      <BackToAdmin />
      <Heading level={1}>{t('admin.users')}</Heading>
      <LiveStatus message={status} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data ? (
        <>
          <WideTable caption={t('users.caption')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('users.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.department')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.coverage')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('users.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.data.users.map((u) => (
                <TableRow key={u.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/beheer/medewerkers/${u.id}`}>{u.name}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{u.email}</TableCell>
                  <TableCell>{t(`role.${u.role}`)}</TableCell>
                  <TableCell>{data.data?.org.departments.find((d) => d.id === u.departmentId)?.name ?? '—'}</TableCell>
                  <TableCell>
                    {u.role === 'director'
                      ? [nameOf(data.data?.org.areas ?? [], u.areaIds), nameOf(data.data?.org.themes ?? [], u.themeIds)].filter(Boolean).join(' · ') || '—'
                      : '—'}
                  </TableCell>
                  <TableCell>{u.active ? t('users.isActive') : t('users.isInactive')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </WideTable>
          <Section title={t('users.addTitle')} className="regie-section regie-panel">
            <UserForm
              key={formKey}
              org={data.data.org}
              onSaved={(u) => {
                setStatus(t('users.added', { name: u.name }));
                setFormKey((k) => k + 1);
                data.reload();
              }}
            />
          </Section>
        </>
      ) : null}
    </>
  );
}
