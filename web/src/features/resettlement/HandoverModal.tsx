import { Alert, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReceptionLinkInputSchema } from '../../../../src/modules/resettlement/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { today } from '../../shared/dates';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { type HouseholdView, householdApi, type IssuedReceptionLink, useHousehold } from './api';
import { useDocumentChoice } from './DocumentInput';
import {
  emptyReceptionLink,
  RECEPTION_LINK_FIELDS,
  ReceptionLinkFields,
  ReceptionLinkModal,
  type ReceptionLinkValues,
} from './ReceptionLinkFields';
import { liveReceptionLink } from './ReceptionSection';
import { useHouseholdSave } from './useHouseholdSave';

const HandoverFormSchema = z.object({
  handedOverOn: z.iso.date(),
  receivedBy: z.string().trim().min(1).max(200),
  issueLink: z.boolean(),
  receptionLink: ReceptionLinkInputSchema.optional(),
});
interface HandoverValues {
  handedOverOn: string;
  receivedBy: string;
  /** Whether to issue the reception partner's link with the handover (its fields are then checked). */
  issueLink: boolean;
  receptionLink: ReceptionLinkValues;
}
type HandoverOutput = z.output<typeof HandoverFormSchema>;
const FIELDS = [
  'handedOverOn',
  'receivedBy',
  ...RECEPTION_LINK_FIELDS.map((field) => `receptionLink.${field}`),
];

interface HandoverModalProps {
  caseId: string;
  caseReference: string;
  opened: boolean;
  onClose: () => void;
  onSaved?: (household: HouseholdView) => unknown;
}

/**
 * The arrived household handed over to the reception service: its case closes. A link for the reception
 * partner may be issued with it, shown once when the handover is saved.
 */
export function HandoverModal({ caseId, caseReference, opened, onClose, onSaved }: HandoverModalProps) {
  const { t } = useTranslation();
  const [issued, setIssued] = useState<IssuedReceptionLink | null>(null);
  return (
    <>
      <AppModal
        opened={opened}
        onClose={onClose}
        title={t('resettlement.handover.title', { reference: caseReference })}
      >
        {opened ? (
          <HandoverLoader caseId={caseId} onClose={onClose} onSaved={onSaved} onIssued={setIssued} />
        ) : null}
      </AppModal>
      <ReceptionLinkModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

type FormProps = Omit<HandoverModalProps, 'opened' | 'caseReference'> & {
  onIssued: (issued: IssuedReceptionLink) => void;
};

function HandoverLoader({ caseId, ...props }: FormProps) {
  const household = useHousehold(caseId);
  if (household.isPending) return <LoadingState />;
  if (household.isError)
    return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  return <HandoverForm household={household.data} {...props} />;
}

function HandoverForm({
  household,
  onClose,
  onSaved,
  onIssued,
}: Omit<FormProps, 'caseId'> & { household: HouseholdView }) {
  const { t } = useTranslation();
  const document = useDocumentChoice(household.caseId, 'handover_receipt', false);
  // The link's path is answered once, with the household: kept aside, never put in the household's cache.
  const issued = useRef<IssuedReceptionLink | null>(null);
  const live = liveReceptionLink(household);
  const resolver = useMemo(
    () =>
      localizedZodResolver<HandoverValues, HandoverOutput>(HandoverFormSchema, t, (values) =>
        values.issueLink ? values : { ...values, receptionLink: undefined },
      ),
    [t],
  );
  const form = useForm<HandoverValues, unknown, HandoverOutput>({
    resolver,
    defaultValues: {
      handedOverOn: today(),
      receivedBy: '',
      issueLink: false,
      receptionLink: emptyReceptionLink(),
    },
  });
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = form;
  const issueLink = watch('issueLink');
  const save = useHouseholdSave<HandoverValues, HandoverOutput>({
    caseId: household.caseId,
    setError,
    isField: (path) => FIELDS.includes(path),
    mutationFn: async (fields) => {
      const { receptionLink, ...saved } = await householdApi.handover(household.caseId, {
        version: household.version,
        handedOverOn: fields.handedOverOn,
        receivedBy: fields.receivedBy,
        documentId: await document.resolve(),
        receptionLink: fields.receptionLink,
      });
      issued.current = receptionLink;
      return saved;
    },
    successMessage: (saved) => t('resettlement.handover.saved', { reference: saved.caseReference }),
    onDone: (saved) => {
      void onSaved?.(saved);
      onClose();
      if (issued.current) onIssued(issued.current);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const documentOk = document.check();
    void handleSubmit((fields) => (documentOk ? save.submit(fields) : undefined))(event);
  };
  return (
    <FormProvider {...form}>
      <ModalForm
        onSubmit={submit}
        formError={save.formError}
        onCancel={onClose}
        loading={save.isPending}
        submitLabel={t('resettlement.handover.submit')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('resettlement.handover.intro')}</Text>
          <TextInput
            type="date"
            label={t('resettlement.handover.handedOverOn')}
            required
            error={errors.handedOverOn?.message}
            {...register('handedOverOn')}
          />
          <TextInput
            label={t('resettlement.handover.receivedBy')}
            description={t('resettlement.handover.receivedByHint')}
            required
            error={errors.receivedBy?.message}
            {...register('receivedBy')}
          />
          {document.field}
          <Checkbox
            label={t('resettlement.handover.issueLink')}
            description={t('resettlement.handover.issueLinkHint')}
            {...register('issueLink')}
          />
          {issueLink ? (
            <Stack gap="sm" pl="lg">
              {live ? (
                <Alert color="orange" variant="light">
                  <Text size="sm">
                    {t('resettlement.receptionLinks.replaces', { partner: live.partnerName })}
                  </Text>
                </Alert>
              ) : null}
              <ReceptionLinkFields prefix="receptionLink" />
            </Stack>
          ) : null}
        </Stack>
      </ModalForm>
    </FormProvider>
  );
}
