import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseEventSchema } from '../../../../src/modules/cases/contract';
import type { ReferralSection } from '../../../../src/modules/referrals/sections';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { statusLabel } from '../cases/labels';
import { needLabel, useBirthDate, useCountryList } from '../registry/labels';
import type { SharedCase } from './api';
import { isSensitiveSection, sectionLabel, sexLabel } from './labels';
import { SensitiveSectionBadge } from './ReferralBadges';

const EVENT_KINDS: readonly string[] = CaseEventSchema.shape.kind.options;
const PRECISIONS = ['exact', 'month', 'year', 'estimated'] as const;
const FITNESS = ['pending', 'fit', 'unfit'] as const;
const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'laissez_passer',
  'residence_permit',
  'birth_certificate',
  'refugee_card',
  'other',
] as const;

type Note = { body: string; authorName: string; createdAt: string };

/**
 * Exactly the sections that travel with a referral, one after another in their canonical order; a section
 * absent from `shared` is not shown at all (not even its title). Used by the referral and partner pages.
 */
export function SharedSections({ shared, idPrefix }: { shared: SharedCase; idPrefix: string }) {
  const blocks: { section: ReferralSection; body: ReactNode }[] = [];
  if (shared.identity)
    blocks.push({ section: 'identity', body: <IdentityBlock identity={shared.identity} /> });
  if (shared.documents)
    blocks.push({ section: 'documents', body: <DocumentsBlock documents={shared.documents} /> });
  if (shared.needsSummary)
    blocks.push({ section: 'needs_summary', body: <NeedsList codes={shared.needsSummary} /> });
  if (shared.reintegrationNeeds !== undefined)
    blocks.push({ section: 'reintegration_needs', body: <TextBlock text={shared.reintegrationNeeds} /> });
  if (shared.medicalFitness)
    blocks.push({ section: 'medical_fitness', body: <MedicalBlock medical={shared.medicalFitness} /> });
  if (shared.household)
    blocks.push({ section: 'household', body: <HouseholdBlock members={shared.household} /> });
  if (shared.caseHistory)
    blocks.push({ section: 'case_history', body: <HistoryBlock history={shared.caseHistory} /> });
  if (shared.attachments)
    blocks.push({ section: 'attachments', body: <AttachmentsBlock attachments={shared.attachments} /> });
  if (shared.traffickingDetails)
    blocks.push({
      section: 'trafficking_details',
      body: <TraffickingBlock details={shared.traffickingDetails} />,
    });
  if (shared.confidentialNotes)
    blocks.push({ section: 'confidential_notes', body: <NotesList notes={shared.confidentialNotes} /> });
  return <SectionBlocks blocks={blocks} idPrefix={idPrefix} />;
}

function SectionBlocks({
  blocks,
  idPrefix,
}: {
  blocks: { section: ReferralSection; body: ReactNode }[];
  idPrefix: string;
}) {
  const { t } = useTranslation();
  if (blocks.length === 0) return <Text>{t('referrals.shared.nothing')}</Text>;
  return (
    <Stack gap="md">
      {blocks.map(({ section, body }) => {
        const id = `${idPrefix}-${section}`;
        return (
          <Paper
            key={section}
            withBorder
            p="md"
            component="section"
            aria-labelledby={id}
            bg={isSensitiveSection(section) ? 'red.0' : undefined}
          >
            <Group gap="xs" mb="sm">
              <Title order={3} size="h4" id={id}>
                {sectionLabel(section, t)}
              </Title>
              {isSensitiveSection(section) ? <SensitiveSectionBadge /> : null}
            </Group>
            {body}
          </Paper>
        );
      })}
    </Stack>
  );
}

function IdentityBlock({ identity }: { identity: NonNullable<SharedCase['identity']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const birthDate = useBirthDate();
  const countries = useCountryList();
  const original = [identity.givenNameOriginal, identity.familyNameOriginal].filter(Boolean).join(' ');
  const precision = (PRECISIONS as readonly string[]).includes(identity.birthDatePrecision)
    ? (identity.birthDatePrecision as (typeof PRECISIONS)[number])
    : 'exact';
  const none = t('common.none');
  return (
    <DescriptionList
      items={[
        { term: t('referrals.shared.name'), description: `${identity.givenName} ${identity.familyName}` },
        ...(original
          ? [{ term: t('referrals.shared.originalName'), description: <bdi dir="auto">{original}</bdi> }]
          : []),
        { term: t('registry.fields.fatherName'), description: identity.fatherName ?? none },
        { term: t('registry.fields.sex'), description: sexLabel(identity.sex, t) },
        { term: t('registry.fields.birthDate'), description: birthDate(identity.birthDate, precision) },
        { term: t('registry.fields.nationalities'), description: countries(identity.nationalities) },
        {
          term: t('registry.fields.languages'),
          description:
            identity.languages.length > 0
              ? identity.languages.map((l) => format.language(l)).join(', ')
              : none,
        },
        { term: t('registry.fields.placeOfOrigin'), description: identity.placeOfOrigin ?? none },
        {
          term: t('registry.fields.countryOfOrigin'),
          description: identity.countryOfOrigin ? format.country(identity.countryOfOrigin) : none,
        },
        { term: t('registry.fields.phone'), description: identity.phone ?? none },
        { term: t('registry.fields.email'), description: identity.email ?? none },
      ]}
    />
  );
}

function DocumentsBlock({ documents }: { documents: NonNullable<SharedCase['documents']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (documents.length === 0) return <Text size="sm">{t('person.documents.none')}</Text>;
  const typeLabel = (type: string) =>
    (DOCUMENT_TYPES as readonly string[]).includes(type)
      ? t(`person.documentTypes.${type as (typeof DOCUMENT_TYPES)[number]}`)
      : type;
  return (
    <ScrollTable minWidth={480} label={t('person.documents.tableLabel')}>
      <Table aria-label={t('person.documents.tableLabel')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.documents.type')}</Table.Th>
            <Table.Th scope="col">{t('person.documents.number')}</Table.Th>
            <Table.Th scope="col">{t('person.documents.issuingCountry')}</Table.Th>
            <Table.Th scope="col">{t('person.documents.expiryDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Th scope="row">{typeLabel(d.type)}</Table.Th>
              <Table.Td>{d.number}</Table.Td>
              <Table.Td>{d.issuingCountry ? format.country(d.issuingCountry) : t('common.none')}</Table.Td>
              <Table.Td>{d.expiryDate ? format.calendarDate(d.expiryDate) : t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function NeedsList({ codes, empty }: { codes: string[]; empty?: string }) {
  const { t, i18n } = useTranslation();
  if (codes.length === 0) return <Text size="sm">{empty ?? t('referrals.shared.noNeeds')}</Text>;
  return (
    <List size="sm">
      {codes.map((code) => (
        <List.Item key={code}>
          {needLabel(code, i18n.language)} ({code})
        </List.Item>
      ))}
    </List>
  );
}

function TextBlock({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (!text) return <Text size="sm">{t('referrals.shared.notProvided')}</Text>;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
      {text}
    </Text>
  );
}

function MedicalBlock({ medical }: { medical: NonNullable<SharedCase['medicalFitness']> }) {
  const { t } = useTranslation();
  const fitness =
    medical.fitness && (FITNESS as readonly string[]).includes(medical.fitness)
      ? t(`medicalFitness.${medical.fitness as (typeof FITNESS)[number]}`)
      : (medical.fitness ?? t('referrals.shared.notProvided'));
  return (
    <Stack gap="xs">
      <DescriptionList items={[{ term: t('referrals.shared.fitness'), description: fitness }]} />
      <Text size="sm" fw={600}>
        {t('referrals.shared.medicalNeeds')}
      </Text>
      <NeedsList codes={medical.needs} />
    </Stack>
  );
}

function HouseholdBlock({ members }: { members: NonNullable<SharedCase['household']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (members.length === 0) return <Text size="sm">{t('referrals.shared.noHousehold')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={t('person.household.tableLabel')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('person.household.member')}</Table.Th>
            <Table.Th scope="col">{t('person.household.relationship')}</Table.Th>
            <Table.Th scope="col">{t('registry.table.sex')}</Table.Th>
            <Table.Th scope="col">{t('registry.table.birthDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={`${m.name}-${m.relationship}-${m.birthDate ?? ''}`}>
              <Table.Th scope="row">
                <bdi dir="auto">{m.name}</bdi>
              </Table.Th>
              <Table.Td>{t(`person.relationships.${m.relationship}`)}</Table.Td>
              <Table.Td>{sexLabel(m.sex, t)}</Table.Td>
              <Table.Td>{m.birthDate ? format.calendarDate(m.birthDate) : t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function HistoryBlock({ history }: { history: NonNullable<SharedCase['caseHistory']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps = [...history.steps].sort((a, b) => a.at.localeCompare(b.at));
  const kindLabel = (kind: string) =>
    EVENT_KINDS.includes(kind)
      ? t(`caseEvents.${kind as (typeof CaseEventSchema.shape.kind.options)[number]}`)
      : kind;
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {t('referrals.shared.steps')}
      </Text>
      {steps.length === 0 ? (
        <Text size="sm">{t('referrals.shared.noSteps')}</Text>
      ) : (
        <List size="sm" type="ordered" aria-label={t('referrals.shared.steps')}>
          {steps.map((s) => (
            <List.Item key={`${s.at}-${s.kind}`}>
              {kindLabel(s.kind)}
              {s.toStatus ? ` : ${statusLabel(s.toStatus, t)}` : ''} ·{' '}
              <time dateTime={s.at}>{format.dateTime(s.at)}</time>
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" fw={600}>
        {t('referrals.shared.notes')}
      </Text>
      <NotesList notes={history.notes} />
    </Stack>
  );
}

function NotesList({ notes }: { notes: Note[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (notes.length === 0) return <Text size="sm">{t('referrals.shared.noNotes')}</Text>;
  const sorted = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sorted.map((note) => (
        <Paper component="li" key={`${note.createdAt}-${note.authorName}`} withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t('cases.notes.meta', { name: note.authorName, date: format.dateTime(note.createdAt) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {note.body}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function AttachmentsBlock({ attachments }: { attachments: NonNullable<SharedCase['attachments']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attachments.length === 0) return <Text size="sm">{t('referrals.shared.noAttachments')}</Text>;
  return (
    <Stack gap={4}>
      <List size="sm">
        {attachments.map((a) => (
          <List.Item key={`${a.fileName}-${a.createdAt}`}>
            <Text span size="sm" fw={600} dir="auto">
              {a.fileName}
            </Text>{' '}
            <Text span size="sm" c="dimmed">
              ({format.fileSize(a.sizeBytes)}, {format.date(a.createdAt)})
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('referrals.shared.attachmentsNote')}
      </Text>
    </Stack>
  );
}

function TraffickingBlock({ details }: { details: NonNullable<SharedCase['traffickingDetails']> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <DescriptionList
        items={[
          {
            term: t('referrals.shared.victim'),
            description: (
              <Badge color={details.victimOfTrafficking ? 'red' : 'gray'} variant="light" tt="none">
                {details.victimOfTrafficking ? t('common.yes') : t('common.no')}
              </Badge>
            ),
          },
        ]}
      />
      <Text size="sm" fw={600}>
        {t('referrals.shared.traffickingNeeds')}
      </Text>
      <NeedsList codes={details.needs} />
    </Stack>
  );
}
