import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCopy, IconEye, IconEyeOff, IconPlus, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { AddDocumentSchema, DocumentTypeSchema } from '../../../../src/modules/registry/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { QueryError } from '../../shared/components/QueryStates';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import { blankToUndefined, localizedZodResolver } from '../../shared/forms/zodResolver';
import { CountrySelect } from '../offices/CountrySelect';
import {
  addDocument,
  type PersonDetail,
  type PersonDocument,
  type PersonSummary,
  removeDocument,
  revealDocumentNumber,
  useRefreshPerson,
} from './api';
import { personName } from './labels';

type DocumentType = z.infer<typeof DocumentTypeSchema>;
const DOCUMENT_TYPES = DocumentTypeSchema.options;

export function DocumentsSection({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshPerson();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<PersonDocument | null>(null);
  /** Full numbers the user asked to see, by document id. Forgotten when hidden or when leaving the page. */
  const [revealed, setRevealed] = useState<Record<string, string>>({});

  const reveal = useActionMutation({
    showError: 'notification',
    mutationFn: (documentId: string) => revealDocumentNumber(person.id, documentId),
    onSaved: (number, documentId) => setRevealed((r) => ({ ...r, [documentId]: number })),
  });
  const remove = useActionMutation({
    showError: 'inline',
    mutationFn: (documentId: string) => removeDocument(person.id, documentId),
    successMessage: () => t('person.documents.removed'),
    onSaved: () => setRemoving(null),
    refresh: () => refresh(person.id),
  });
  const typeLabel = (type: DocumentType) => t(`person.documentTypes.${type}`);

  return (
    <Section
      id="person-documents"
      title={t('person.documents.title')}
      actions={
        canWrite ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('person.documents.add')}
          </Button>
        ) : null
      }
    >
      {person.documents.length === 0 ? (
        <Text>{t('person.documents.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Group gap={6} wrap="nowrap">
            <IconShieldLock size={16} aria-hidden />
            <Text size="sm" id="document-reveal-notice">
              {t('person.documents.revealNotice')}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('person.documents.tableLabel')} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('person.documents.type')}</Table.Th>
                  <Table.Th scope="col">{t('person.documents.number')}</Table.Th>
                  <Table.Th scope="col">{t('person.documents.issuingCountry')}</Table.Th>
                  <Table.Th scope="col">{t('person.documents.expiryDate')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.documents.map((document) => {
                  const full = revealed[document.id];
                  const type = typeLabel(document.type);
                  return (
                    <Table.Tr key={document.id}>
                      <Table.Th scope="row">{type}</Table.Th>
                      <Table.Td>
                        <Text size="sm" ff="monospace" aria-live="polite">
                          {full ?? document.number}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {document.issuingCountry ? format.country(document.issuingCountry) : t('common.none')}
                      </Table.Td>
                      <Table.Td>
                        {document.expiryDate ? format.calendarDate(document.expiryDate) : t('common.none')}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {full ? (
                            <Button
                              size="xs"
                              variant="subtle"
                              leftSection={<IconEyeOff size={14} aria-hidden />}
                              aria-label={t('person.documents.hideLabel', { type })}
                              onClick={() => setRevealed(({ [document.id]: _hidden, ...rest }) => rest)}
                            >
                              {t('person.documents.hide')}
                            </Button>
                          ) : (
                            <Button
                              size="xs"
                              variant="subtle"
                              leftSection={<IconEye size={14} aria-hidden />}
                              aria-label={t('person.documents.revealLabel', { type })}
                              aria-describedby="document-reveal-notice"
                              loading={reveal.isPending && reveal.variables === document.id}
                              onClick={() => reveal.run(document.id)}
                            >
                              {t('person.documents.reveal')}
                            </Button>
                          )}
                          {canWrite ? (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              leftSection={<IconTrash size={14} aria-hidden />}
                              aria-label={t('person.documents.removeLabel', {
                                type,
                                number: document.number,
                              })}
                              onClick={() => setRemoving(document)}
                            >
                              {t('person.documents.remove')}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {canWrite ? (
        <>
          <AppModal opened={adding} onClose={() => setAdding(false)} title={t('person.documents.addTitle')}>
            {adding ? <AddDocumentForm personId={person.id} onDone={() => setAdding(false)} /> : null}
          </AppModal>
          <ConfirmModal
            opened={removing !== null}
            title={t('person.documents.removeTitle')}
            message={
              removing
                ? t('person.documents.removeConfirm', {
                    type: typeLabel(removing.type),
                    number: removing.number,
                  })
                : ''
            }
            confirmLabel={t('person.documents.remove')}
            danger
            loading={remove.isPending}
            error={remove.error ? <QueryError error={remove.error} /> : null}
            onConfirm={() => removing && remove.run(removing.id)}
            onClose={() => {
              setRemoving(null);
              remove.reset();
            }}
          />
        </>
      ) : null}
    </Section>
  );
}

type AddDocumentValues = {
  type: DocumentType | '';
  number: string;
  issuingCountry: string;
  expiryDate: string;
};
type AddDocumentBody = z.output<typeof AddDocumentSchema>;
const DOCUMENT_FIELDS = new Set(['type', 'number', 'issuingCountry', 'expiryDate']);

function AddDocumentForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson();
  const resolver = useMemo(
    () =>
      localizedZodResolver<AddDocumentValues, AddDocumentBody>(AddDocumentSchema, t, (values) => ({
        type: values.type || undefined,
        number: values.number,
        issuingCountry: blankToUndefined(values.issuingCountry),
        expiryDate: blankToUndefined(values.expiryDate),
      })),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AddDocumentValues, unknown, AddDocumentBody>({
    resolver,
    defaultValues: { type: '', number: '', issuingCountry: '', expiryDate: '' },
  });
  /** Records holding the same document: shown before closing, as they need a look. */
  const [holders, setHolders] = useState<PersonSummary[] | null>(null);
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => DOCUMENT_FIELDS.has(path),
    mutationFn: (body: AddDocumentBody) => addDocument(personId, body),
    successMessage: () => t('person.documents.added'),
    refresh: async (added) => {
      await refresh(personId);
      if (added.sameDocumentAs.length > 0) setHolders(added.sameDocumentAs);
      else onDone();
    },
  });
  if (holders) return <SameDocumentHolders holders={holders} onDone={onDone} />;
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack>
        <FormErrorAlert error={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('person.documents.type')}
            required
            error={errors.type?.message}
            data={[
              { value: '', label: t('common.choose') },
              ...DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`person.documentTypes.${type}`) })),
            ]}
            {...register('type')}
          />
          <TextInput
            label={t('person.documents.number')}
            description={t('person.documents.numberHint')}
            required
            autoComplete="off"
            error={errors.number?.message}
            {...register('number')}
          />
          <CountrySelect
            label={t('person.documents.issuingCountry')}
            error={errors.issuingCountry?.message}
            {...register('issuingCountry')}
          />
          <TextInput
            label={t('person.documents.expiryDate')}
            type="date"
            error={errors.expiryDate?.message}
            {...register('expiryDate')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** After adding a document already recorded for other people: who, with a link to each record. */
function SameDocumentHolders({ holders, onDone }: { holders: PersonSummary[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert
        color="orange"
        icon={<IconCopy size={18} aria-hidden />}
        title={t('person.documents.sameDocumentTitle')}
      >
        <Stack gap="xs">
          <Text size="sm">{t('person.documents.sameDocumentBody')}</Text>
          <List size="sm" aria-label={t('person.documents.sameDocumentList')}>
            {holders.map((holder) => (
              <List.Item key={holder.id}>
                <Anchor component={Link} to={`/registry/${holder.id}`} onClick={onDone}>
                  {personName(holder)}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({holder.reference}, {holder.officeCode})
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('person.documents.sameDocumentDone')}</Button>
      </Group>
    </Stack>
  );
}
