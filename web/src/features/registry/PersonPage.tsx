import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
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
import { useCan } from '../auth/session';
import { PersonEmploymentSection } from '../employment/PersonEmployment';
import { fetchPerson, type PersonDetail, personsKeys } from './api';
import { ConsentsSection } from './ConsentsSection';
import { DocumentsSection } from './DocumentsSection';
import { HouseholdSection } from './HouseholdSection';
import { needLabel, originalName, personName } from './labels';
import { PersonCasesSection } from './PersonCasesSection';
import { MergedRecordsSection, PossibleDuplicatesSection } from './PersonDuplicates';
import { PersonIdentityForm } from './PersonIdentityForm';
import { PersonNeedsForm } from './PersonNeedsForm';
import { PERSON_FIELDS, toPersonValues } from './personForm';
import { usePersonFieldDisplay } from './usePersonFieldDisplay';

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useQuery({
    queryKey: personsKeys.detail(id),
    queryFn: ({ signal }) => fetchPerson(id, signal),
  });
  usePageTitle(person.data ? personName(person.data) : t('registry.title'));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/registry" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('person.backToRegistry')}
        </Group>
      </Anchor>
      {person.isPending ? (
        <LoadingState />
      ) : person.isError ? (
        isApiError(person.error) && person.error.status === 404 ? (
          <RecordNotFound title={t('person.notFoundTitle')} body={t('person.notFound')} />
        ) : (
          <QueryError error={person.error} onRetry={() => void person.refetch()} />
        )
      ) : (
        <PersonView person={person.data} />
      )}
    </Stack>
  );
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const canWrite = can('persons.write');
  const original = originalName(person);

  return (
    <>
      <PageHeader
        title={personName(person)}
        intro={
          original ? (
            <Text span dir="auto" inherit>
              {original}
            </Text>
          ) : undefined
        }
      />
      <DescriptionList
        label={t('person.summaryLabel')}
        items={[
          { term: t('person.reference'), description: person.reference },
          { term: t('person.office'), description: person.officeCode },
          { term: t('person.createdAt'), description: format.dateTime(person.createdAt) },
          { term: t('person.updatedAt'), description: format.dateTime(person.updatedAt) },
        ]}
      />
      <Section id="person-identity" title={t('person.identity.title')}>
        {canWrite ? <PersonIdentityForm person={person} /> : <ReadOnlyIdentity person={person} />}
      </Section>
      <Section id="person-needs" title={t('person.needs.title')}>
        {canWrite ? (
          <PersonNeedsForm person={person} />
        ) : person.specificNeeds.length === 0 ? (
          <Text>{t('person.needs.none')}</Text>
        ) : (
          <List>
            {person.specificNeeds.map((code) => (
              <List.Item key={code}>{needLabel(code, i18n.language)}</List.Item>
            ))}
          </List>
        )}
      </Section>
      <HouseholdSection person={person} canWrite={canWrite} />
      <DocumentsSection person={person} canWrite={canWrite} />
      <ConsentsSection person={person} canWrite={canWrite} />
      {can('cases.read') ? <PersonCasesSection person={person} /> : null}
      {can('employment.read') ? <PersonEmploymentSection person={person} /> : null}
      <PossibleDuplicatesSection person={person} />
      <MergedRecordsSection person={person} />
    </>
  );
}

function ReadOnlyIdentity({ person }: { person: PersonDetail }) {
  const { label, display } = usePersonFieldDisplay();
  const values = toPersonValues(person);
  return (
    <DescriptionList
      items={PERSON_FIELDS.filter((field) => field !== 'specificNeeds').map((field) => ({
        term: label(field),
        description: field.endsWith('Original') ? (
          <span dir="auto">{display(field, values)}</span>
        ) : (
          display(field, values)
        ),
      }))}
    />
  );
}
