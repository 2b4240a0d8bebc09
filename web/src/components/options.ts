// The choices of a select or radio group that recur across forms, labelled from the catalogue.
import { DOMAINS, STAFF_ROLES, type User } from '../api/models.js';
import type { Translate } from '../i18n/index.js';
import type { Option } from './Fields.js';

export const domainOptions = (t: Translate): Option[] => DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}`) }));

export const staffRoleOptions = (t: Translate): Option[] => STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));

/** A user by name, with their role to tell namesakes apart. */
export const userOptions = (users: User[], t: Translate): Option[] => users.map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` }));
