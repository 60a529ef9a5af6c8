import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../../../src/modules/identity/contract';
import { ROLES, type Role } from '../../../../src/platform/permissions';
import { OfficeSelect } from '../../shared/components/OfficeSelect';

export interface UserFilterValues {
  q: string;
  officeId: string;
  role: Role | '';
  status: 'active' | 'disabled' | '';
}

interface UserFiltersFormProps {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
  /** Omitted when the user cannot read offices. */
  offices?: Office[];
}

/** Filters apply as they change (the search text after a short pause); no submit needed. */
export function UserFiltersForm({ value, onChange, offices }: UserFiltersFormProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<UserFilterValues>) => onChange({ ...value, ...patch });
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too recent for some supported browsers.
    <form role="search" aria-label={t('users.filters.label')} onSubmit={(event) => event.preventDefault()}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
        <TextInput
          label={t('users.filters.search')}
          name="q"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={value.q}
          onChange={(event) => set({ q: event.currentTarget.value })}
        />
        {offices ? (
          <OfficeSelect
            label={t('users.filters.office')}
            name="officeId"
            value={value.officeId}
            onChange={(event) => set({ officeId: event.currentTarget.value })}
            emptyLabel={t('users.filters.allOffices')}
            offices={offices}
          />
        ) : null}
        <NativeSelect
          label={t('users.filters.role')}
          name="role"
          value={value.role}
          onChange={(event) => set({ role: event.currentTarget.value as UserFilterValues['role'] })}
          data={[
            { value: '', label: t('users.filters.allRoles') },
            ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
          ]}
        />
        <NativeSelect
          label={t('users.filters.status')}
          name="status"
          value={value.status}
          onChange={(event) => set({ status: event.currentTarget.value as UserFilterValues['status'] })}
          data={[
            { value: '', label: t('users.filters.allStatuses') },
            { value: 'active', label: t('userStatus.active') },
            { value: 'disabled', label: t('userStatus.disabled') },
          ]}
        />
      </SimpleGrid>
    </form>
  );
}
