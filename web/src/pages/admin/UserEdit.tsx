import { Heading } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert, LiveStatus, Loading } from '../../components/feedback.js';
import { AccountHistory } from '../../components/LoginDetails.js';
import { AppLink } from '../../components/links.js';
import { useLoad, usePageTitle } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';
import { UserForm } from './UserForm.js';

export function UserEdit() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const data = useLoad(
    async (signal) => {
      const [users, org] = await Promise.all([api.users(undefined, signal), api.organisation(signal)]);
      return { user: users.items.find((u) => u.id === id) ?? null, org };
    },
    [id],
  );
  const [status, setStatus] = useState<string | null>(null);
  const user = data.data?.user;
  usePageTitle(user ? t('users.editTitle', { name: user.name }) : t('admin.users'));
  return (
    <>
      <p className="regie-back">
        <AppLink to="/beheer/medewerkers">{t('users.back')}</AppLink>
      </p>
      <Heading level={1}>{user ? t('users.editTitle', { name: user.name }) : t('admin.users')}</Heading>
      <LiveStatus message={status} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <ErrorAlert error={data.error} /> : null}
      {data.data && !user ? <p>{t('users.notFound')}</p> : null}
      {data.data && user ? (
        <>
          <p>{user.email}</p>
          <UserForm
            user={user}
            org={data.data.org}
            onSaved={(u) => {
              data.setData({ user: u, org: data.data?.org ?? { departments: [], areas: [], themes: [] } });
              setStatus(t('users.saved', { name: u.name }));
            }}
          />
          <AccountHistory userId={user.id} reloadKey={user.role} />
        </>
      ) : null}
    </>
  );
}
