import { TextInput } from '@mantine/core';
import { type FieldError, get, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OnceLinkModal } from '../../shared/components/OnceLinkModal';
import { useFormat } from '../../shared/format/useFormat';
import type { IssuedReceptionLink } from './api';

/** What the office types to issue a reception link (ReceptionLinkInputSchema). */
export interface ReceptionLinkValues {
  partnerName: string;
  partnerContact: string;
  receptionPlace: string;
  validDays: number;
}

export const RECEPTION_LINK_FIELDS = [
  'partnerName',
  'partnerContact',
  'receptionPlace',
  'validDays',
] as const;

export const emptyReceptionLink = (): ReceptionLinkValues => ({
  partnerName: '',
  partnerContact: '',
  receptionPlace: '',
  validDays: 30,
});

/**
 * The fields of a reception link, in the form around them (react-hook-form's context): at the top of the
 * form, or under `prefix` (the handover's `receptionLink`), as the server names them in its errors.
 */
export function ReceptionLinkFields({ prefix }: { prefix?: string }) {
  const { t } = useTranslation();
  const {
    register,
    formState: { errors },
  } = useFormContext();
  const name = (field: (typeof RECEPTION_LINK_FIELDS)[number]) => (prefix ? `${prefix}.${field}` : field);
  const error = (field: (typeof RECEPTION_LINK_FIELDS)[number]): string | undefined =>
    (get(errors, name(field)) as FieldError | undefined)?.message;
  return (
    <>
      <TextInput
        label={t('resettlement.receptionLinks.partnerName')}
        required
        autoComplete="organization"
        error={error('partnerName')}
        {...register(name('partnerName'))}
      />
      <TextInput
        label={t('resettlement.receptionLinks.partnerContact')}
        description={t('resettlement.receptionLinks.partnerContactHint')}
        required
        autoComplete="off"
        error={error('partnerContact')}
        {...register(name('partnerContact'))}
      />
      <TextInput
        label={t('resettlement.receptionLinks.receptionPlace')}
        description={t('resettlement.receptionLinks.receptionPlaceHint')}
        required
        autoComplete="off"
        error={error('receptionPlace')}
        {...register(name('receptionPlace'))}
      />
      <TextInput
        type="number"
        label={t('resettlement.receptionLinks.validDays')}
        description={t('resettlement.receptionLinks.validDaysHint')}
        required
        min={1}
        max={90}
        step={1}
        w={200}
        error={error('validDays')}
        {...register(name('validDays'), { valueAsNumber: true })}
      />
    </>
  );
}

/** A reception link just issued, shown once (only its hash is kept). */
export function ReceptionLinkModal({
  issued,
  onClose,
}: {
  issued: IssuedReceptionLink | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <OnceLinkModal
      path={issued?.partnerPath ?? null}
      title={t('resettlement.receptionLinks.linkTitle')}
      intro={t('resettlement.receptionLinks.linkIntro', {
        partner: issued?.link.partnerName ?? '',
        date: issued ? format.date(issued.expiresAt) : '',
      })}
      label={t('resettlement.receptionLinks.linkLabel')}
      onClose={onClose}
    />
  );
}
