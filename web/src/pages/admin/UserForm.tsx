// Add or change a staff member: role, department, language, password, and for a case
// director the areas and themes they cover (used to propose directors).
import { Button } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { BodyOf, Locale, Organisation, StaffRole, User } from '../../api/models.js';
import { api } from '../../api.js';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/Fields.js';
import { ErrorSummary } from '../../components/feedback.js';
import type { FieldErrors } from '../../components/forms.js';
import { staffRoleOptions } from '../../components/options.js';
import { useCheckedSubmit } from '../../hooks.js';
import { useI18n } from '../../i18n/index.js';

const FIELDS = ['name', 'email', 'role', 'departmentId', 'password', 'active', 'locale', 'areaIds', 'themeIds'];

export function UserForm({ user, org, onSaved }: { user?: User; org: Organisation; onSaved(u: User): void }) {
  const { t } = useI18n();
  const submit = useCheckedSubmit(FIELDS);
  const [f, setF] = useState({
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: (user?.role ?? 'director') as StaffRole,
    departmentId: user?.departmentId ?? '',
    password: '',
    locale: (user?.locale ?? 'nl') as Locale,
  });
  const [active, setActive] = useState(user?.active ?? true);
  const [areaIds, setAreaIds] = useState<string[]>(user?.areaIds ?? []);
  const [themeIds, setThemeIds] = useState<string[]>(user?.themeIds ?? []);
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const labels: Record<string, string> = {
    name: t('users.name'),
    email: t('users.email'),
    role: t('users.role'),
    departmentId: t('users.department'),
    password: user ? t('users.newPassword') : t('users.password'),
    locale: t('users.locale'),
    areaIds: t('users.areas'),
    themeIds: t('users.themes'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const c: FieldErrors = {};
    if (!f.name.trim()) c.name = t('users.error.name');
    if (!user && !f.email.trim()) c.email = t('users.error.email');
    if (f.password && f.password.length < 12) c.password = t('users.error.password');
    if (!submit.checked(c)) return;
    const director = f.role === 'director';
    const body: Omit<BodyOf<'/users', 'post'>, 'email' | 'password'> & { password?: string } = {
      name: f.name.trim(),
      role: f.role,
      departmentId: f.departmentId || null,
      locale: f.locale,
      areaIds: director ? areaIds : [],
      themeIds: director ? themeIds : [],
    };
    if (f.password) body.password = f.password;
    const saved = await submit.run(() => (user ? api.updateUser(user.id, { ...body, active }) : api.createUser({ ...body, email: f.email.trim() })));
    if (saved) {
      setF((x) => ({ ...x, password: '' }));
      onSaved(saved);
    }
  }

  const errors = submit.errors;
  return (
    <form noValidate onSubmit={onSubmit} className="regie-form">
      <ErrorSummary error={submit.error} errors={errors} labels={labels} />
      <TextField name="name" label={labels.name} value={f.name} onChange={set('name')} error={errors.name} required autoComplete="off" />
      {user ? null : (
        <TextField name="email" type="email" label={labels.email} value={f.email} onChange={set('email')} error={errors.email} required autoComplete="off" />
      )}
      <SelectField name="role" label={labels.role} value={f.role} onChange={set('role')} error={errors.role} options={staffRoleOptions(t)} />
      <SelectField
        name="departmentId"
        label={labels.departmentId}
        optional
        value={f.departmentId}
        onChange={set('departmentId')}
        error={errors.departmentId}
        placeholder={t('users.noDepartment')}
        options={org.departments.map((d) => ({ value: d.id, label: d.name }))}
      />
      <SelectField
        name="locale"
        label={labels.locale}
        value={f.locale}
        onChange={set('locale')}
        error={errors.locale}
        options={[
          { value: 'nl', label: t('language.nl') },
          { value: 'en', label: t('language.en') },
        ]}
      />
      <TextField
        name="password"
        type="password"
        label={labels.password}
        optional
        description={t(user ? 'users.newPasswordHint' : 'users.passwordHint')}
        value={f.password}
        onChange={set('password')}
        error={errors.password}
        autoComplete="new-password"
      />
      {user ? <CheckboxField name="active" label={t('users.active')} description={t('users.activeHint')} checked={active} onChange={setActive} /> : null}
      {f.role === 'director' ? (
        <>
          <CheckboxGroup
            name="areaIds"
            legend={labels.areaIds}
            description={t('users.coverageHint')}
            options={org.areas.map((a) => ({ value: a.id, label: a.name }))}
            value={areaIds}
            onChange={setAreaIds}
            error={errors.areaIds}
          />
          <CheckboxGroup
            name="themeIds"
            legend={labels.themeIds}
            options={org.themes.map((a) => ({ value: a.id, label: a.name }))}
            value={themeIds}
            onChange={setThemeIds}
            error={errors.themeIds}
          />
        </>
      ) : null}
      <Button type="submit" appearance="primary-action-button" busy={submit.busy}>
        {user ? t('users.save') : t('users.add')}
      </Button>
    </form>
  );
}
