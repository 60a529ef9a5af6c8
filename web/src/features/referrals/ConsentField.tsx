import { Alert, Anchor, NativeSelect, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REFERRAL_CONSENT_PURPOSES } from '../../../../src/modules/referrals/sections';
import { AutoDirTextarea } from '../../shared/components/AutoDirInputs';
import { useFormat } from '../../shared/format/useFormat';
import type { Consent } from '../registry/api';

/** The select's value for "share without a covering consent". */
export const OVERRIDE = 'override';

const PURPOSE_KEYS = [
  'assistance',
  'return_travel',
  'reintegration',
  'referral',
  'data_sharing',
  'medical',
  'media',
] as const;

function covers(consent: Consent): boolean {
  return (REFERRAL_CONSENT_PURPOSES as readonly string[]).includes(consent.purpose);
}

interface ConsentSelectProps {
  personId: string;
  /** The person's consents; `null` when they could not be read. */
  consents: Consent[] | null;
  mayOverride: boolean;
  error?: string;
  registration: UseFormRegisterReturn;
}

/**
 * The consent the referral rests on: the person's consents in force, those for referral or data sharing
 * first; with the consent-override permission, also "share without consent".
 */
export function ConsentSelect({ personId, consents, mayOverride, error, registration }: ConsentSelectProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const inForce = (consents ?? []).filter((c) => c.withdrawnOn === null);
  const purpose = (p: string) =>
    (PURPOSE_KEYS as readonly string[]).includes(p)
      ? t(`person.consentPurposes.${p as (typeof PURPOSE_KEYS)[number]}`)
      : p;
  const option = (c: Consent) => ({
    value: c.id,
    label: t('referrals.send.consentOption', {
      purpose: purpose(c.purpose),
      recipient: c.recipient,
      date: format.calendarDate(c.givenOn),
    }),
  });
  const covering = inForce.filter(covers).map(option);
  const others = inForce.filter((c) => !covers(c)).map(option);
  const data = [
    { value: '', label: t('referrals.send.chooseConsent') },
    ...(covering.length > 0 ? [{ group: t('referrals.send.coveringConsents'), items: covering }] : []),
    ...(others.length > 0 ? [{ group: t('referrals.send.otherConsents'), items: others }] : []),
    ...(mayOverride ? [{ value: OVERRIDE, label: t('referrals.send.overrideOption') }] : []),
  ];
  return (
    <Stack gap={4}>
      <NativeSelect
        label={t('referrals.send.consent')}
        description={t('referrals.send.consentHint')}
        required
        error={error}
        data={data}
        {...registration}
      />
      {consents !== null && covering.length === 0 ? (
        <Text size="sm">
          {t('referrals.send.noCoveringConsent')}{' '}
          <Anchor component={Link} to={`/registry/${personId}`} size="sm">
            {t('referrals.send.recordConsent')}
          </Anchor>
        </Text>
      ) : null}
      {consents === null ? (
        <Text size="sm" c="red.9">
          {t('referrals.send.consentsUnavailable')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Shown once "share without consent" is chosen: the warning and the written justification. */
export function OverrideJustification({
  error,
  registration,
}: {
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        <Text size="sm">{t('referrals.send.overrideWarning')}</Text>
      </Alert>
      <AutoDirTextarea
        label={t('referrals.send.overrideJustification')}
        description={t('referrals.send.overrideJustificationHint')}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        error={error}
        {...registration}
      />
    </Stack>
  );
}
