import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { OpenCaseSchema } from '../../../../src/modules/cases/contract';
import { CASE_TYPE_CODES, CASE_TYPES, type CaseType } from '../../../../src/modules/cases/workflow';
import { AppModal } from '../../shared/components/AppModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { OfficeSelect } from '../../shared/components/OfficeSelect';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { useCurrentOffice } from '../../shared/layout/currentOffice';
import { useCan } from '../auth/session';
import { CountrySelect } from '../offices/CountrySelect';
import { useOfficesWith } from '../offices/useOfficesWith';
import { useProjects } from '../projects/api';
import { personsKeys } from '../registry/api';
import { casesKeys, openCase } from './api';
import { useAssignableUsers } from './useAssignableUsers';

type OpenCaseValues = {
  caseType: CaseType | '';
  projectId: string;
  officeId: string;
  assignedTo: string;
  hostCountry: string;
  returnCountry: string;
};
type OpenCaseBody = z.output<typeof OpenCaseSchema>;
const FIELDS = new Set(['caseType', 'projectId', 'officeId', 'assignedTo', 'hostCountry', 'returnCountry']);

interface OpenCaseModalProps {
  opened: boolean;
  onClose: () => void;
  person: { id: string; officeId: string; name: string };
}

export function OpenCaseModal({ opened, onClose, person }: OpenCaseModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('cases.open.title')}>
      {opened ? <OpenCaseForm person={person} onCancel={onClose} /> : null}
    </AppModal>
  );
}

function OpenCaseForm({ person, onCancel }: { person: OpenCaseModalProps['person']; onCancel: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { offices } = useOfficesWith('cases.write');
  const { current } = useCurrentOffice();
  const projects = useProjects();
  // Trafficking cases are only for staff who may see them afterwards.
  const caseTypes = CASE_TYPE_CODES.filter((type) => !CASE_TYPES[type].sensitive || can('cases.sensitive'));
  const defaultOffice =
    offices.find((o) => o.id === person.officeId)?.id ??
    offices.find((o) => o.id === current?.officeId)?.id ??
    offices[0]?.id ??
    '';

  const resolver = useMemo(
    () =>
      localizedZodResolver<OpenCaseValues, OpenCaseBody>(OpenCaseSchema, t, (values) => ({
        personId: person.id,
        caseType: values.caseType || undefined,
        officeId: values.officeId || undefined,
        projectId: values.projectId || null,
        assignedTo: values.assignedTo || null,
        hostCountry: values.hostCountry || null,
        returnCountry: values.returnCountry || null,
      })),
    [t, person.id],
  );
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<OpenCaseValues, unknown, OpenCaseBody>({
    resolver,
    defaultValues: {
      caseType: '',
      projectId: '',
      officeId: defaultOffice,
      assignedTo: '',
      hostCountry: '',
      returnCountry: '',
    },
  });
  const officeId = watch('officeId');
  const assignable = useAssignableUsers(officeId);
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.has(path),
    mutationFn: openCase,
    successMessage: (detail) => t('cases.open.opened', { reference: detail.reference }),
    onSaved: (detail) => {
      queryClient.setQueryData(casesKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: casesKeys.lists });
      void queryClient.invalidateQueries({ queryKey: personsKeys.cases(person.id) });
      void queryClient.invalidateQueries({ queryKey: personsKeys.lists });
    },
    refresh: (detail) => navigate(`/cases/${detail.id}`),
  });

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <Text size="sm">{t('cases.open.intro', { name: person.name })}</Text>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('cases.open.caseType')}
            required
            error={errors.caseType?.message}
            data={[
              { value: '', label: t('cases.open.chooseType') },
              ...caseTypes.map((type) => ({ value: type, label: t(`caseTypes.${type}`) })),
            ]}
            {...register('caseType')}
          />
          <OfficeSelect
            label={t('cases.open.office')}
            required
            error={errors.officeId?.message}
            emptyLabel={t('registry.fields.chooseOffice')}
            offices={offices}
            {...register('officeId')}
          />
          <NativeSelect
            label={t('cases.open.project')}
            error={errors.projectId?.message}
            data={[
              { value: '', label: t('cases.open.noProject') },
              ...(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} – ${p.name}` })),
            ]}
            {...register('projectId')}
          />
          <NativeSelect
            label={t('cases.open.assignee')}
            error={errors.assignedTo?.message}
            data={[
              { value: '', label: t('cases.open.nobody') },
              ...assignable.users.map((u) => ({ value: u.id, label: u.displayName })),
            ]}
            {...register('assignedTo')}
          />
          <CountrySelect
            label={t('cases.open.hostCountry')}
            error={errors.hostCountry?.message}
            {...register('hostCountry')}
          />
          <CountrySelect
            label={t('cases.open.returnCountry')}
            error={errors.returnCountry?.message}
            {...register('returnCountry')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('cases.open.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
