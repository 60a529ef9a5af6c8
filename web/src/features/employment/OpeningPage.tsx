import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { Section } from '../../shared/components/Section';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { useCan } from '../auth/session';
import { employmentApi, type Opening, useOpening, usePlacements, useRefreshEmployment } from './api';
import { CandidatesSection } from './CandidatesSection';
import { EmploymentNav } from './EmploymentNav';
import { sectorLabel } from './labels';
import { OpeningFormModal } from './OpeningFormModal';
import { OpeningStatusBadge } from './OpeningStatusBadge';
import { PlacementsTable } from './PlacementsTable';

export function OpeningPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const opening = useOpening(id);
  usePageTitle(opening.data?.title ?? t('employment.openings.title'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/employment" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('employment.openings.backToList')}
        </Group>
      </Anchor>
      {opening.isPending ? (
        <LoadingState />
      ) : opening.isError ? (
        isApiError(opening.error) && opening.error.status === 404 ? (
          <RecordNotFound
            title={t('employment.openings.notFoundTitle')}
            body={t('employment.openings.notFound')}
          />
        ) : (
          <QueryError error={opening.error} onRetry={() => void opening.refetch()} />
        )
      ) : (
        <OpeningView opening={opening.data} />
      )}
    </Stack>
  );
}

function OpeningView({ opening }: { opening: Opening }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const placements = usePlacements({ openingId: opening.id });
  const canWrite = can('employment.write');
  return (
    <>
      <PageHeader
        title={opening.title}
        intro={opening.employer.name}
        actions={
          <>
            <OpeningStatusBadge opening={opening} />
            {canWrite ? (
              <>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('employment.openings.edit')}
                </Button>
                <StatusButton opening={opening} />
              </>
            ) : null}
          </>
        }
      />
      <EmploymentNav />
      <Stack gap="lg">
        <Section id="opening-facts" title={t('employment.openings.factsTitle')}>
          <Stack gap="sm">
            {opening.description ? (
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {opening.description}
              </Text>
            ) : null}
            <DescriptionList
              items={[
                { term: t('employment.fields.employer'), description: opening.employer.name },
                { term: t('employment.fields.sector'), description: sectorLabel(opening.sector, t) },
                {
                  term: t('employment.fields.location'),
                  description: `${opening.location}, ${format.country(opening.country)}`,
                },
                {
                  term: t('employment.fields.skills'),
                  description:
                    opening.skills.length === 0 ? (
                      t('common.none')
                    ) : (
                      <Group gap={4} component="span">
                        {opening.skills.map((skill) => (
                          <Badge key={skill} variant="outline" color="gray" tt="none">
                            {skill}
                          </Badge>
                        ))}
                      </Group>
                    ),
                },
                {
                  term: t('employment.fields.languages'),
                  description:
                    opening.languages.length === 0
                      ? t('common.none')
                      : format.list(opening.languages.map(format.language)),
                },
                {
                  term: t('employment.openings.postsFilled'),
                  description: t('employment.openings.filledOf', {
                    filled: opening.filled,
                    posts: opening.posts,
                  }),
                },
                { term: t('employment.fields.openedOn'), description: format.calendarDate(opening.openedOn) },
                { term: t('employment.fields.office'), description: opening.officeCode },
              ]}
            />
          </Stack>
        </Section>
        <CandidatesSection opening={opening} />
        <Section id="opening-placements" title={t('employment.placements.title')}>
          {placements.isPending ? (
            <LoadingState />
          ) : placements.isError ? (
            <QueryError error={placements.error} onRetry={() => void placements.refetch()} />
          ) : (
            <PlacementsTable placements={placements.data} showOpening={false} />
          )}
        </Section>
      </Stack>
      {canWrite ? (
        <OpeningFormModal opening={opening} opened={editing} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}

/** Closes an open opening (no more placements or matching) or reopens a closed one. */
function StatusButton({ opening }: { opening: Opening }) {
  const { t } = useTranslation();
  const refresh = useRefreshEmployment();
  const closing = opening.status === 'open';
  const mutation = useActionMutation({
    showError: 'notification',
    mutationFn: () =>
      employmentApi.updateOpening(opening.id, {
        status: closing ? 'closed' : 'open',
        version: opening.version,
      }),
    successMessage: () =>
      closing ? t('employment.openings.closedDone') : t('employment.openings.reopenedDone'),
    refresh,
    onError: refresh,
  });
  return (
    <Button
      variant="outline"
      color={closing ? 'red' : undefined}
      loading={mutation.isPending}
      onClick={() => mutation.run()}
    >
      {closing ? t('employment.openings.close') : t('employment.openings.reopen')}
    </Button>
  );
}
