import { Alert, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoDirTextInput } from '../../shared/components/AutoDirInputs';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { type PersonSummary, personsKeys, searchPersons } from '../registry/api';
import { personName, useBirthDate } from '../registry/labels';

interface PersonPickerProps {
  label: string;
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  /** People who cannot be chosen (already in the household). */
  exclude: readonly string[];
}

/** Finds a registered person by name, reference or document number, and chooses one. */
export function PersonPicker({ label, value, onChange, exclude }: PersonPickerProps) {
  const { t } = useTranslation();
  const birthDate = useBirthDate();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const results = useQuery({
    queryKey: personsKeys.list({ q: debounced, limit: 10 }),
    queryFn: ({ signal }) => searchPersons({ q: debounced, limit: 10 }, signal),
    enabled: debounced.length > 0,
  });
  const candidates = (results.data ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <Stack gap="xs">
      <AutoDirTextInput
        label={label}
        type="search"
        autoComplete="off"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
      />
      {debounced ? (
        results.isPending ? (
          <LoadingState />
        ) : results.isError ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : candidates.length === 0 ? (
          <Text size="sm">{t('resettlement.persons.noResults')}</Text>
        ) : (
          <Stack
            gap={4}
            component="ul"
            aria-label={t('resettlement.persons.results')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                <UnstyledButton
                  onClick={() => onChange(candidate)}
                  aria-pressed={value?.id === candidate.id}
                  p="xs"
                  w="100%"
                  style={{
                    borderRadius: 4,
                    border: '1px solid var(--mantine-color-gray-4)',
                    background: value?.id === candidate.id ? 'var(--mantine-color-blue-0)' : undefined,
                  }}
                >
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={600}>
                      <bdi>{personName(candidate)}</bdi>
                    </Text>
                    <Text size="sm">
                      {candidate.reference} · {birthDate(candidate.birthDate, candidate.birthDatePrecision)}
                    </Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )
      ) : null}
      {value ? (
        <Alert color="blue" variant="light" role="status">
          {t('resettlement.persons.chosen', { name: personName(value), reference: value.reference })}
        </Alert>
      ) : null}
    </Stack>
  );
}
