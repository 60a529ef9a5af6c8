import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArrowLeft, IconSend, IconUsersPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { AppModal } from '../../shared/components/AppModal';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { ModalForm } from '../../shared/components/ModalForm';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { today } from '../../shared/dates';
import { useFormat } from '../../shared/format/useFormat';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { useCan } from '../auth/session';
import { statusLabel } from '../cases/labels';
import {
  type BatchView,
  batchApi,
  resettlementKeys,
  useBatch,
  usePipeline,
  useRecordConflict,
  useRefreshResettlement,
} from './api';
import { DecisionModal } from './DecisionModal';
import { batchKindLabel, batchStatusLabel, outcomeLabel } from './labels';
import { listOnly } from './useHouseholdSave';

type BatchHousehold = BatchView['households'][number];

/** A submission batch: its households, submitting it, and the decision on each household. */
export function BatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const batch = useBatch(id);
  const back = (
    <Anchor component={Link} to="/resettlement/batches" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('resettlement.batches.back')}
      </Group>
    </Anchor>
  );
  if (batch.isPending) return <LoadingState />;
  if (batch.isError)
    return (
      <Stack gap="lg">
        {back}
        {isApiError(batch.error) && batch.error.status === 404 ? (
          <RecordNotFound
            title={t('resettlement.batches.notFoundTitle')}
            body={t('resettlement.batches.notFound')}
          />
        ) : (
          <QueryError error={batch.error} onRetry={() => void batch.refetch()} />
        )}
      </Stack>
    );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/resettlement/batches?project=${batch.data.projectId}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('resettlement.batches.back')}
        </Group>
      </Anchor>
      <Batch batch={batch.data} />
    </Stack>
  );
}

function Batch({ batch }: { batch: BatchView }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const refresh = useRefreshResettlement();
  const [choosing, setChoosing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [deciding, setDeciding] = useState<BatchHousehold | null>(null);
  const canWrite = can('resettlement.write');
  const open = batch.status === 'open';
  return (
    <>
      <PageHeader
        title={t('resettlement.batches.pageTitle', { reference: batch.reference })}
        intro={batch.label}
        actions={
          <Badge size="lg" variant="light" tt="none">
            {batchStatusLabel(batch.status, t)}
          </Badge>
        }
      />
      <Section id="rst-batch-summary" title={t('resettlement.batches.summary')}>
        <DescriptionList
          items={[
            { term: t('resettlement.batches.kind'), description: batchKindLabel(batch.kind, t) },
            {
              term: t('resettlement.batches.country'),
              description: format.country(batch.resettlementCountry),
            },
            {
              term: t('resettlement.batches.mission'),
              description: batch.missionStart
                ? t('resettlement.batches.missionDates', {
                    start: format.calendarDate(batch.missionStart),
                    end: batch.missionEnd ? format.calendarDate(batch.missionEnd) : t('common.none'),
                  })
                : t('common.none'),
            },
            {
              term: t('resettlement.batches.submitted'),
              description: batch.submittedOn
                ? format.calendarDate(batch.submittedOn)
                : t('resettlement.batches.notSubmitted'),
            },
          ]}
        />
      </Section>
      <Section
        id="rst-batch-households"
        title={t('resettlement.batches.householdsTitle')}
        actions={
          canWrite && open ? (
            <>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconUsersPlus size={14} aria-hidden />}
                onClick={() => setChoosing(true)}
              >
                {t('resettlement.batches.choose')}
              </Button>
              <Button
                size="xs"
                leftSection={<IconSend size={14} aria-hidden />}
                disabled={batch.households.length === 0}
                onClick={() => setSubmitting(true)}
              >
                {t('resettlement.batches.submit')}
              </Button>
            </>
          ) : null
        }
      >
        {batch.households.length === 0 ? (
          <Text size="sm">{t('resettlement.batches.noHousehold')}</Text>
        ) : (
          <ScrollTable minWidth={860} label={t('resettlement.batches.householdsTable')}>
            <Table aria-label={t('resettlement.batches.householdsTable')} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('resettlement.pipeline.household')}</Table.Th>
                  <Table.Th scope="col">{t('resettlement.pipeline.principal')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('resettlement.pipeline.members')}
                  </Table.Th>
                  <Table.Th scope="col">{t('resettlement.pipeline.stage')}</Table.Th>
                  <Table.Th scope="col">{t('resettlement.batches.outcome')}</Table.Th>
                  {canWrite && batch.status === 'submitted' ? (
                    <Table.Th scope="col">{t('common.actions')}</Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batch.households.map((h) => (
                  <Table.Tr key={h.caseId}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/cases/${h.caseId}?tab=resettlement`} size="sm" fw={600}>
                        {h.caseReference}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <bdi>{h.principalName}</bdi>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(h.members)}</Table.Td>
                    <Table.Td>{statusLabel(h.caseStatus, t)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        tt="none"
                        color={
                          h.outcome === 'accepted'
                            ? 'green'
                            : h.outcome === 'rejected'
                              ? 'red'
                              : h.outcome === 'resubmit'
                                ? 'orange'
                                : 'gray'
                        }
                      >
                        {outcomeLabel(h.outcome, t)}
                      </Badge>
                      {h.decidedOn ? (
                        <Text size="xs" c="dimmed">
                          {t('resettlement.batches.decidedOn', { date: format.calendarDate(h.decidedOn) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {canWrite && batch.status === 'submitted' ? (
                      <Table.Td>
                        {h.outcome === 'pending' ? (
                          <Button
                            size="compact-xs"
                            variant="light"
                            aria-label={t('resettlement.batches.decideFor', { reference: h.caseReference })}
                            onClick={() => setDeciding(h)}
                          >
                            {t('resettlement.batches.decide')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Section>
      {canWrite ? (
        <>
          <AppModal
            opened={choosing}
            onClose={() => setChoosing(false)}
            title={t('resettlement.batches.chooseTitle')}
            size="xl"
          >
            {choosing ? <ChooseHouseholds batch={batch} onClose={() => setChoosing(false)} /> : null}
          </AppModal>
          <AppModal
            opened={submitting}
            onClose={() => setSubmitting(false)}
            title={t('resettlement.batches.submitTitle')}
            size="md"
          >
            {submitting ? <SubmitBatch batch={batch} onClose={() => setSubmitting(false)} /> : null}
          </AppModal>
          <DecisionModal
            caseId={deciding?.caseId ?? ''}
            caseReference={deciding?.caseReference ?? ''}
            opened={deciding !== null}
            onClose={() => setDeciding(null)}
            onSaved={refresh}
          />
        </>
      ) : null}
    </>
  );
}

/** The households ready for submission (at the submission stage) of the batch's project, and those in it. */
function ChooseHouseholds({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const pipeline = usePipeline(batch.projectId);
  const onConflict = useRecordConflict('batch');
  const [chosen, setChosen] = useState<string[]>(batch.households.map((h) => h.caseId));
  const save = useFormMutation({
    setError: listOnly,
    mutationFn: (caseIds: string[]) => batchApi.setHouseholds(batch.id, { version: batch.version, caseIds }),
    successMessage: (saved) => t('resettlement.batches.householdsSaved', { count: saved.households.length }),
    onSaved: (saved) => {
      queryClient.setQueryData(resettlementKeys.batch(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: resettlementKeys.batches(saved.projectId) });
      onClose();
    },
    recover: onConflict,
  });
  if (pipeline.isPending) return <LoadingState />;
  if (pipeline.isError) return <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  const ready = pipeline.data.items.filter(
    (item) => item.status === 'submission' || batch.households.some((h) => h.caseId === item.caseId),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.submit(chosen);
  };
  return (
    <ModalForm onSubmit={submit} formError={save.formError} onCancel={onClose} loading={save.isPending}>
      <Text size="sm">{t('resettlement.batches.chooseIntro')}</Text>
      {ready.length === 0 ? (
        <Text size="sm">{t('resettlement.batches.noneReady')}</Text>
      ) : (
        <Checkbox.Group label={t('resettlement.batches.readyLabel')} value={chosen} onChange={setChosen}>
          <Stack gap={6} mt={4}>
            {ready.map((item) => (
              <Checkbox
                key={item.caseId}
                value={item.caseId}
                label={t('resettlement.batches.householdOption', {
                  reference: item.caseReference,
                  name: item.principalName,
                  count: item.members,
                  members: format.number(item.members),
                })}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </ModalForm>
  );
}

function SubmitBatch({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshResettlement();
  const queryClient = useQueryClient();
  const onConflict = useRecordConflict('batch');
  const [submittedOn, setSubmittedOn] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const save = useFormMutation({
    setError: listOnly,
    mutationFn: (day: string) => batchApi.submit(batch.id, { version: batch.version, submittedOn: day }),
    successMessage: (saved) => t('resettlement.batches.submittedDone', { reference: saved.reference }),
    onSaved: (saved) => {
      queryClient.setQueryData(resettlementKeys.batch(saved.id), saved);
      onClose();
    },
    refresh,
    recover: onConflict,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(submittedOn)) return setError(t('validation.invalidDate'));
    setError(null);
    save.submit(submittedOn);
  };
  return (
    <ModalForm
      onSubmit={submit}
      formError={save.formError}
      onCancel={onClose}
      loading={save.isPending}
      submitLabel={t('resettlement.batches.submit')}
    >
      <Text size="sm">{t('resettlement.batches.submitIntro', { count: batch.households.length })}</Text>
      <TextInput
        type="date"
        label={t('resettlement.batches.submittedOnLabel')}
        required
        value={submittedOn}
        error={error}
        onChange={(event) => setSubmittedOn(event.currentTarget.value)}
      />
    </ModalForm>
  );
}
