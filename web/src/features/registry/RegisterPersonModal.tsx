import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { CreatePersonSchema } from '../../../../src/modules/registry/contract';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { useCurrentOffice } from '../../shared/layout/currentOffice';
import { useOfficesWith } from '../offices/useOfficesWith';
import { type CreatePerson, createPerson, type Match, personsKeys } from './api';
import { personName } from './labels';
import { MatchCard, MatchList } from './MatchCard';
import { isPersonField, PersonFields } from './PersonFields';
import { EMPTY_PERSON, type PersonFormValues, toCreateBody } from './personForm';

type CreateBody = z.output<typeof CreatePersonSchema>;

export function RegisterPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('registry.create.title')} size="xl">
      {opened ? <RegisterPersonForm onCancel={onClose} /> : null}
    </AppModal>
  );
}

/**
 * Registration in two steps when needed: the form, then — if the server finds probable matches — the
 * matches, from which the user opens an existing record or confirms that this is someone else.
 */
function RegisterPersonForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { offices, isPending } = useOfficesWith('persons.write');
  const { current } = useCurrentOffice();
  const [matches, setMatches] = useState<{ body: CreatePerson; matches: Match[] } | null>(null);

  const resolver = useMemo(
    () => localizedZodResolver<PersonFormValues, CreateBody>(CreatePersonSchema, t, toCreateBody),
    [t],
  );
  const defaultOffice =
    offices.find((o) => o.id === current?.officeId)?.id ?? (offices.length === 1 ? offices[0]?.id : '');
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PersonFormValues, unknown, CreateBody>({
    resolver,
    defaultValues: { ...EMPTY_PERSON, officeId: defaultOffice ?? '' },
  });
  const save = useFormMutation({
    setError,
    isField: isPersonField,
    mutationFn: createPerson,
    // No person yet: likely matches to look at first (see below).
    successMessage: (result) =>
      result.person
        ? t('registry.create.created', {
            name: personName(result.person),
            reference: result.person.reference,
          })
        : null,
    onSaved: (result, body) => {
      if (!result.person) setMatches({ body, matches: result.matches });
    },
    refresh: async (result) => {
      if (!result.person) return;
      await queryClient.invalidateQueries({ queryKey: personsKeys.lists });
      await navigate(`/registry/${result.person.id}`);
    },
    onError: () => setMatches(null),
  });

  if (isPending) return <LoadingState />;
  if (offices.length === 0) {
    return (
      <Alert color="blue" variant="light" role="note">
        {t('registry.create.noOffice')}
      </Alert>
    );
  }

  if (matches) {
    return (
      <MatchesStep
        matches={matches.matches}
        loading={save.isPending}
        onBack={() => setMatches(null)}
        onRegisterAnyway={() => save.submit({ ...matches.body, acknowledgeMatches: true })}
      />
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit((body) => save.submit({ ...body, acknowledgeMatches: false }))}>
      <Stack>
        <FormErrorAlert error={save.formError} />
        <PersonFields control={control} register={register} errors={errors} offices={offices} withNeeds />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('registry.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface MatchesStepProps {
  matches: Match[];
  loading: boolean;
  onBack: () => void;
  onRegisterAnyway: () => void;
}

/** The records the new person may already have: open one of them, or register anyway. */
function MatchesStep({ matches, loading, onBack, onRegisterAnyway }: MatchesStepProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="orange" variant="light" role="alert" title={t('registry.matches.title')}>
        {t('registry.matches.intro')}
      </Alert>
      <MatchList label={t('registry.matches.listLabel')}>
        {matches.map((match) => (
          <MatchCard
            key={match.person.id}
            match={match}
            actions={(nameId) => (
              <Button
                component={Link}
                to={`/registry/${match.person.id}`}
                variant="light"
                size="xs"
                aria-describedby={nameId}
              >
                {t('registry.matches.samePerson')}
              </Button>
            )}
          />
        ))}
      </MatchList>
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {t('registry.matches.back')}
        </Button>
        <Button color="orange" loading={loading} onClick={onRegisterAnyway}>
          {t('registry.matches.registerAnyway')}
        </Button>
      </Group>
    </Stack>
  );
}
