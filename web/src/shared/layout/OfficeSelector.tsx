import { Badge, Group, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentOffice } from './currentOffice';

/** The office the user is working in, with their role(s) there. */
export function OfficeSelector() {
  const { t } = useTranslation();
  const { offices, current, select } = useCurrentOffice();

  if (!current) {
    return <Text size="sm">{t('header.noOffice')}</Text>;
  }
  return (
    <Group gap="xs" wrap="nowrap">
      {offices.length > 1 ? (
        <NativeSelect
          size="xs"
          name="currentOffice"
          aria-label={t('header.currentOffice')}
          value={current.officeId}
          onChange={(event) => select(event.currentTarget.value)}
          data={offices.map((o) => ({ value: o.officeId, label: o.officeName }))}
          maw={220}
        />
      ) : (
        <Text size="sm" fw={600}>
          <VisuallyHidden>{t('header.currentOffice')} : </VisuallyHidden>
          {current.officeName}
        </Text>
      )}
      <Group gap={4} visibleFrom="md" wrap="nowrap">
        <VisuallyHidden>{t('header.rolesInOffice')}</VisuallyHidden>
        {current.roles.map((role) => (
          <Badge key={role} variant="light" color="gray" size="sm" tt="none">
            {t(`roles.${role}`)}
          </Badge>
        ))}
      </Group>
    </Group>
  );
}
