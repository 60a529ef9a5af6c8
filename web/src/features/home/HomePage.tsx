import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { officesGranting } from '../../../../src/platform/permissions';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/useFormat';
import { officesFromMemberships } from '../../shared/layout/currentOffice';
import { useMe } from '../auth/session';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const offices = officesFromMemberships(me.memberships);
  const officeName = new Map(offices.map((o) => [o.officeId, o.officeName]));

  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.displayName })} intro={t('home.intro')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="home-offices">
          <Title order={2} size="h3" id="home-offices" mb="sm">
            {t('home.officesTitle')}
          </Title>
          {offices.length === 0 ? (
            <Text>{t('home.noMemberships')}</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {offices.map((office) => (
                <li key={office.officeId}>
                  <Text fw={600}>
                    {office.officeName} ({office.officeCode})
                  </Text>
                  <Group gap={4} mt={4}>
                    {office.roles.map((role) => (
                      <Badge key={role} variant="light" color="gray" tt="none">
                        {t(`roles.${role}`)}
                      </Badge>
                    ))}
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="home-permissions">
          <Title order={2} size="h3" id="home-permissions" mb="sm">
            {t('home.permissionsTitle')}
          </Title>
          {me.permissions.length === 0 ? (
            <Text>{t('home.noPermissions')}</Text>
          ) : (
            <List spacing="xs">
              {me.permissions.map((permission) => {
                const where = officesGranting(me.memberships, permission);
                const scope =
                  where === 'all'
                    ? t('home.everywhere')
                    : t('home.inOffices', {
                        offices: format.list(where.map((id) => officeName.get(id) ?? id)),
                      });
                return (
                  <List.Item key={permission}>
                    {t(`permissions.${permission}`)}{' '}
                    <Text span c="dimmed">
                      ({scope})
                    </Text>
                  </List.Item>
                );
              })}
            </List>
          )}
        </Paper>
      </SimpleGrid>
    </>
  );
}
