import { Anchor, Badge, Button, NativeSelect, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import type { Project } from '../../../../src/modules/projects/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { OfficeSelect, onlyOfficeId } from '../../shared/components/OfficeSelect';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { useCan } from '../auth/session';
import { CountrySelect } from '../offices/CountrySelect';
import { useOfficesWith } from '../offices/useOfficesWith';
import { batchApi, type CreateBatchBody, resettlementKeys, useBatches } from './api';
import { BATCH_KINDS, batchKindLabel, batchStatusLabel } from './labels';
import { ResettlementFrame } from './ResettlementFrame';

/** Submissions to the resettlement country: selection missions, dossiers, individual submissions. */
export function BatchesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState<Project | null>(null);
  return (
    <ResettlementFrame
      title={t('resettlement.batches.title')}
      intro={t('resettlement.batches.intro')}
      actions={(project) =>
        can('resettlement.write') ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(project)}>
            {t('resettlement.batches.create')}
          </Button>
        ) : null
      }
    >
      {(project) => (
        <>
          <BatchList project={project} />
          <AppModal
            opened={creating !== null}
            onClose={() => setCreating(null)}
            title={t('resettlement.batches.createTitle')}
          >
            {creating ? <BatchForm project={creating} onClose={() => setCreating(null)} /> : null}
          </AppModal>
        </>
      )}
    </ResettlementFrame>
  );
}

function BatchList({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const batches = useBatches(project.id);
  if (batches.isPending) return <LoadingState />;
  if (batches.isError) return <QueryError error={batches.error} onRetry={() => void batches.refetch()} />;
  if (batches.data.length === 0) return <Text>{t('resettlement.batches.empty')}</Text>;
  return (
    <ScrollTable minWidth={900} label={t('resettlement.batches.tableLabel')}>
      <Table aria-label={t('resettlement.batches.tableLabel')} withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('resettlement.batches.reference')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.batches.label')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.batches.kind')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.batches.country')}</Table.Th>
            <Table.Th scope="col">{t('resettlement.batches.mission')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('resettlement.batches.households')}
            </Table.Th>
            <Table.Th scope="col">{t('resettlement.batches.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.data.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/resettlement/batches/${b.id}`} size="sm" fw={600}>
                  {b.reference}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <bdi>{b.label}</bdi>
              </Table.Td>
              <Table.Td>{batchKindLabel(b.kind, t)}</Table.Td>
              <Table.Td>{format.country(b.resettlementCountry)}</Table.Td>
              <Table.Td>
                {b.missionStart
                  ? t('resettlement.batches.missionDates', {
                      start: format.calendarDate(b.missionStart),
                      end: b.missionEnd ? format.calendarDate(b.missionEnd) : t('common.none'),
                    })
                  : t('common.none')}
              </Table.Td>
              <Table.Td ta="right">{format.number(b.households.length)}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  tt="none"
                  color={b.status === 'open' ? 'blue' : b.status === 'decided' ? 'green' : 'orange'}
                >
                  {batchStatusLabel(b.status, t)}
                </Badge>
                {b.submittedOn ? (
                  <Text size="xs" c="dimmed">
                    {t('resettlement.batches.submittedOn', { date: format.calendarDate(b.submittedOn) })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

const BatchFormSchema = z
  .object({
    officeId: z.string().min(1),
    kind: z.enum(BATCH_KINDS),
    label: z.string().trim().min(1).max(200),
    resettlementCountry: z.string().regex(/^[A-Z]{2}$/),
    missionStart: z.union([z.iso.date(), z.literal('')]),
    missionEnd: z.union([z.iso.date(), z.literal('')]),
  })
  .refine((v) => !v.missionStart || !v.missionEnd || v.missionEnd >= v.missionStart, {
    path: ['missionEnd'],
    message: 'validation.dateRange',
  });
type BatchValues = z.input<typeof BatchFormSchema>;
type BatchFields = z.output<typeof BatchFormSchema>;
const FIELDS = ['officeId', 'kind', 'label', 'resettlementCountry', 'missionStart', 'missionEnd'];

function BatchForm({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const offices = useOfficesWith('resettlement.write');
  const resolver = useMemo(() => localizedZodResolver<BatchValues, BatchFields>(BatchFormSchema, t), [t]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<BatchValues, unknown, BatchFields>({
    resolver,
    defaultValues: {
      officeId: onlyOfficeId(offices.offices),
      kind: 'selection_mission',
      label: '',
      resettlementCountry: project.hostCountries[0] ?? '',
      missionStart: '',
      missionEnd: '',
    },
  });
  const save = useFormMutation({
    setError,
    isField: (path) => FIELDS.includes(path),
    mutationFn: (fields: BatchFields) => {
      const body: CreateBatchBody = {
        projectId: project.id,
        officeId: fields.officeId,
        kind: fields.kind,
        label: fields.label,
        resettlementCountry: fields.resettlementCountry,
        missionStart: fields.missionStart || null,
        missionEnd: fields.missionEnd || null,
      };
      return batchApi.create(body);
    },
    successMessage: (batch) => t('resettlement.batches.created', { reference: batch.reference }),
    onSaved: (batch) => {
      queryClient.setQueryData(resettlementKeys.batch(batch.id), batch);
      void queryClient.invalidateQueries({ queryKey: resettlementKeys.batches(project.id) });
      onClose();
    },
    refresh: (batch) => navigate(`/resettlement/batches/${batch.id}`),
  });
  const mission = watch('kind') === 'selection_mission';
  return (
    <ModalForm
      onSubmit={handleSubmit(save.submit)}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OfficeSelect
          label={t('resettlement.batches.office')}
          emptyLabel={t('resettlement.batches.chooseOffice')}
          required
          offices={offices.offices}
          error={errors.officeId?.message}
          {...register('officeId')}
        />
        <NativeSelect
          label={t('resettlement.batches.kind')}
          required
          error={errors.kind?.message}
          data={BATCH_KINDS.map((k) => ({ value: k, label: batchKindLabel(k, t) }))}
          {...register('kind')}
        />
      </SimpleGrid>
      <TextInput
        label={mission ? t('resettlement.batches.missionName') : t('resettlement.batches.label')}
        required
        error={errors.label?.message}
        {...register('label')}
      />
      <Controller
        control={control}
        name="resettlementCountry"
        render={({ field }) => (
          <CountrySelect
            label={t('resettlement.batches.country')}
            required
            error={errors.resettlementCountry?.message}
            {...field}
          />
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('resettlement.batches.missionStart')}
          error={errors.missionStart?.message}
          {...register('missionStart')}
        />
        <TextInput
          type="date"
          label={t('resettlement.batches.missionEnd')}
          error={errors.missionEnd?.message}
          {...register('missionEnd')}
        />
      </SimpleGrid>
    </ModalForm>
  );
}
