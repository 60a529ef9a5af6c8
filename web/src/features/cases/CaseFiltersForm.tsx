import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TYPE_CODES, CASE_TYPES } from '../../../../src/modules/cases/workflow';
import { ROLE_DEFINITIONS } from '../../../../src/platform/permissions';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { OfficeSelect } from '../../shared/components/OfficeSelect';
import { fetchUsers, usersKeys } from '../admin-users/api';
import { useCan } from '../auth/session';
import { CountrySelect } from '../offices/CountrySelect';
import { useOfficesWith } from '../offices/useOfficesWith';
import { useProjects } from '../projects/api';
import { NEEDS_BY_CATEGORY, needCategoryLabel, needLabel } from '../registry/labels';
import { CASE_SORTS, type CaseFilters, NO_CASE_FILTERS, SECONDARY_FILTERS } from './filters';
import { assignableIn } from './useAssignableUsers';

interface CaseFiltersFormProps {
  value: CaseFilters;
  onChange: (value: CaseFilters) => void;
}

/** Filters apply as they change (the search text after a short pause); no submit needed. */
export function CaseFiltersForm({ value, onChange }: CaseFiltersFormProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const moreId = useId();
  const [more, setMore] = useState(() => SECONDARY_FILTERS.some((key) => value[key] !== ''));
  const { offices } = useOfficesWith('cases.read');
  const projects = useProjects();
  const users = useQuery({
    queryKey: usersKeys.list(value.officeId ? { officeId: value.officeId } : {}),
    queryFn: ({ signal }) => fetchUsers(value.officeId ? { officeId: value.officeId } : {}, signal),
    enabled: can('users.read'),
  });
  const assignees = users.data
    ? value.officeId
      ? assignableIn(users.data, value.officeId)
      : users.data.filter(
          (u) =>
            u.status === 'active' &&
            u.memberships.some((m) =>
              (ROLE_DEFINITIONS[m.role].permissions as readonly string[]).includes('cases.write'),
            ),
        )
    : [];
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch });
  const text = (key: keyof CaseFilters) => ({
    value: value[key] as string,
    onChange: (event: { currentTarget: { value: string } }) => set({ [key]: event.currentTarget.value }),
  });

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too recent for some supported browsers.
    <form role="search" aria-label={t('cases.filters.label')} onSubmit={(event) => event.preventDefault()}>
      <Stack gap="sm" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <AutoDirTextInput
            label={t('cases.filters.q')}
            name="q"
            type="search"
            autoComplete="off"
            leftSection={<IconSearch size={16} aria-hidden />}
            {...text('q')}
          />
          <NativeSelect
            label={t('cases.filters.type')}
            name="caseType"
            data={[
              { value: '', label: t('cases.filters.allTypes') },
              // Trafficking cases are never listed for staff without cases.sensitive: do not offer the filter.
              ...CASE_TYPE_CODES.filter((type) => !CASE_TYPES[type].sensitive || can('cases.sensitive')).map(
                (type) => ({ value: type, label: t(`caseTypes.${type}`) }),
              ),
            ]}
            {...text('caseType')}
          />
          <NativeSelect
            label={t('cases.filters.project')}
            name="projectId"
            data={[
              { value: '', label: t('cases.filters.allProjects') },
              ...(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} – ${p.name}` })),
            ]}
            {...text('projectId')}
          />
          <OfficeSelect
            label={t('cases.filters.office')}
            name="officeId"
            emptyLabel={t('cases.filters.allOffices')}
            offices={offices}
            {...text('officeId')}
          />
          <NativeSelect
            label={t('cases.filters.assignee')}
            name="assignedTo"
            data={[
              { value: '', label: t('cases.filters.anyone') },
              { value: 'me', label: t('cases.filters.me') },
              { value: 'none', label: t('cases.filters.none') },
              ...assignees.map((u) => ({ value: u.id, label: u.displayName })),
            ]}
            {...text('assignedTo')}
          />
          <NativeSelect
            label={t('cases.filters.sort')}
            name="sort"
            data={CASE_SORTS.map((sort) => ({ value: sort, label: t(`cases.sort.${sort}`) }))}
            value={value.sort}
            onChange={(event) => set({ sort: event.currentTarget.value as CaseFilters['sort'] })}
          />
        </SimpleGrid>
        {more ? (
          <SimpleGrid id={moreId} cols={{ base: 1, sm: 2, lg: 4 }}>
            <CountrySelect
              label={t('cases.filters.nationality')}
              name="nationality"
              emptyLabel={t('cases.filters.allNationalities')}
              {...text('nationality')}
            />
            <NativeSelect
              label={t('cases.filters.need')}
              name="need"
              data={[
                { value: '', label: t('cases.filters.allNeeds') },
                ...NEEDS_BY_CATEGORY.map(({ category, codes }) => ({
                  group: needCategoryLabel(category, i18n.language),
                  items: codes.map((code) => ({ value: code, label: needLabel(code, i18n.language) })),
                })),
              ]}
              {...text('need')}
            />
            <TextInput
              label={t('cases.filters.createdFrom')}
              type="date"
              name="createdFrom"
              {...text('createdFrom')}
            />
            <TextInput
              label={t('cases.filters.createdTo')}
              type="date"
              name="createdTo"
              {...text('createdTo')}
            />
            <TextInput
              label={t('cases.filters.updatedFrom')}
              type="date"
              name="updatedFrom"
              {...text('updatedFrom')}
            />
            <TextInput
              label={t('cases.filters.updatedTo')}
              type="date"
              name="updatedTo"
              {...text('updatedTo')}
            />
            <TextInput
              label={t('cases.filters.departureFrom')}
              type="date"
              name="departureFrom"
              {...text('departureFrom')}
            />
            <TextInput
              label={t('cases.filters.departureTo')}
              type="date"
              name="departureTo"
              {...text('departureTo')}
            />
          </SimpleGrid>
        ) : null}
        <Group gap="sm">
          <Button
            variant="subtle"
            size="xs"
            aria-expanded={more}
            aria-controls={more ? moreId : undefined}
            rightSection={
              more ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
            }
            onClick={() => setMore((m) => !m)}
          >
            {more ? t('cases.filters.showLess') : t('cases.filters.showMore')}
          </Button>
          <Button variant="default" size="xs" onClick={() => onChange(NO_CASE_FILTERS)}>
            {t('cases.filters.reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
