import { Button, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useCan } from '../auth/session';
import { personsKeys, searchPersons } from './api';
import { PersonsTable } from './PersonsTable';
import { RegisterPersonModal } from './RegisterPersonModal';
import { RegistryNav } from './RegistryNav';

export function RegistryPage() {
  const { t } = useTranslation();
  const can = useCan();
  // The search is kept in the address, so "back" from a person returns to the same results.
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const search = debouncedQ ? { q: debouncedQ } : {};
  const persons = useQuery({
    queryKey: personsKeys.list(search),
    queryFn: ({ signal }) => searchPersons(search, signal),
    placeholderData: keepPreviousData,
  });
  const [registering, setRegistering] = useState(false);

  return (
    <>
      <PageHeader
        title={t('registry.title')}
        intro={t('registry.intro')}
        actions={
          can('persons.write') ? (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setRegistering(true)}>
              {t('registry.register')}
            </Button>
          ) : null
        }
      />
      <RegistryNav />
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too recent for some supported browsers. */}
      <form
        role="search"
        aria-label={t('registry.search.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <AutoDirTextInput
          label={t('registry.search.field')}
          description={t('registry.search.hint')}
          name="q"
          type="search"
          autoComplete="off"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setQ(value);
            setParams(value.trim() ? { q: value } : {}, { replace: true });
          }}
          maw={520}
          mb="md"
        />
      </form>
      {persons.isPending ? (
        <LoadingState />
      ) : persons.isError ? (
        <QueryError error={persons.error} onRetry={() => void persons.refetch()} />
      ) : (
        <>
          <VisuallyHidden role="status">{t('registry.count', { count: persons.data.length })}</VisuallyHidden>
          {persons.data.length === 0 ? (
            <Text>{t('registry.empty')}</Text>
          ) : (
            <PersonsTable persons={persons.data} />
          )}
        </>
      )}
      {can('persons.write') ? (
        <RegisterPersonModal opened={registering} onClose={() => setRegistering(false)} />
      ) : null}
    </>
  );
}
