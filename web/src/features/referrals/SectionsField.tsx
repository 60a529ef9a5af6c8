import { Alert, Checkbox, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SECTIONS, type ReferralSection } from '../../../../src/modules/referrals/sections';
import { isSensitiveSection, sectionHint, sectionLabel } from './labels';
import { SensitiveSectionBadge } from './ReferralBadges';

interface SectionsFieldProps {
  value: ReferralSection[];
  onChange: (value: ReferralSection[]) => void;
  /** Transfers always carry the identity. */
  identityRequired: boolean;
  /** Trafficking details and confidential notes: only who may read them may share them. */
  mayShareSensitive: boolean;
  error?: string;
}

/** Which sections travel: one checkbox per section with what it contains; sensitive ones marked and warned. */
export function SectionsField({
  value,
  onChange,
  identityRequired,
  mayShareSensitive,
  error,
}: SectionsFieldProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const chosenSensitive = value.filter(isSensitiveSection);
  const toggle = (section: ReferralSection, checked: boolean) =>
    onChange(REFERRAL_SECTIONS.filter((s) => (s === section ? checked : value.includes(s))));
  return (
    <Fieldset legend={t('referrals.send.sections')} aria-describedby={error ? errorId : undefined}>
      <Stack gap="sm">
        <Text size="sm">{t('referrals.send.sectionsIntro')}</Text>
        {REFERRAL_SECTIONS.map((section) => {
          const sensitive = isSensitiveSection(section);
          const forced = section === 'identity' && identityRequired;
          const blocked = sensitive && !mayShareSensitive;
          const hint = forced
            ? `${sectionHint(section, t)} ${t('referrals.send.identityWithTransfer')}`
            : blocked
              ? `${sectionHint(section, t)} ${t('referrals.send.sensitiveNotAllowed')}`
              : sectionHint(section, t);
          return (
            <Checkbox
              key={section}
              name="sections"
              value={section}
              checked={forced || value.includes(section)}
              disabled={forced || blocked}
              onChange={(event) => toggle(section, event.currentTarget.checked)}
              label={
                <Group gap={6} component="span">
                  <span>{sectionLabel(section, t)}</span>
                  {sensitive ? <SensitiveSectionBadge /> : null}
                </Group>
              }
              description={hint}
            />
          );
        })}
        {chosenSensitive.length > 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            <Text size="sm">
              {t('referrals.send.sensitiveWarning', {
                sections: chosenSensitive.map((s) => sectionLabel(s, t)).join(', '),
              })}
            </Text>
          </Alert>
        ) : null}
        {error ? (
          <Text id={errorId} size="sm" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
