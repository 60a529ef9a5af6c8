import { Anchor, Badge, Button, Group, Popover, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { fetchNotifications, markNotificationsRead, type ReferralNotification, referralsKeys } from './api';
import { notificationKindLabel } from './labels';
import { useRelativeTime } from './relativeTime';

const POLL_MS = 60_000;

/**
 * The header's bell: the unread count (polled every minute) and, in a popover, the latest notifications,
 * each a link to its referral (opening one marks it read). A popover rather than a menu: it holds links
 * and a button, and the header's only menu stays the user menu.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [opened, { toggle, close }] = useDisclosure(false);
  const list = useQuery({
    queryKey: referralsKeys.notifications,
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: POLL_MS,
    staleTime: POLL_MS / 2,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: referralsKeys.notifications });
  const markRead = useActionMutation({
    // A failure is put right by refetching: the list shows what is still unread.
    showError: 'none',
    mutationFn: (id: string | undefined) => markNotificationsRead(id),
    refresh,
    onError: refresh,
  });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  return (
    <Popover
      opened={opened}
      onChange={(value) => (value ? undefined : close())}
      position="bottom-end"
      width={360}
      withinPortal
      trapFocus
      returnFocus
      shadow="md"
    >
      <Popover.Target>
        <Button
          variant="subtle"
          color="gray"
          px="xs"
          onClick={toggle}
          aria-label={
            unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')
          }
          leftSection={<IconBell size={20} aria-hidden />}
        >
          {unread > 0 ? (
            <Badge color="red" variant="filled" size="sm" circle={unread < 10} aria-hidden>
              {unread > 99 ? '99+' : unread}
            </Badge>
          ) : null}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={titleId} p="xs">
        <Stack gap="xs">
          <Title order={2} size="h5" id={titleId} px={4}>
            {t('notifications.title')}
          </Title>
          {list.isError ? (
            <Text size="sm" px={4} c="red.9">
              {t('notifications.unavailable')}
            </Text>
          ) : items.length === 0 ? (
            <Text size="sm" px={4}>
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack
              component="ul"
              gap={2}
              style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 420, overflowY: 'auto' }}
            >
              {items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  onOpen={() => {
                    if (!n.read) markRead.run(n.id);
                    close();
                  }}
                />
              ))}
            </Stack>
          )}
          {unread > 0 ? (
            <Group justify="flex-end">
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconChecks size={14} aria-hidden />}
                loading={markRead.isPending && markRead.variables === undefined}
                onClick={() => markRead.run(undefined)}
              >
                {t('notifications.markAllRead')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({
  notification: n,
  onOpen,
}: {
  notification: ReferralNotification;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  return (
    <li>
      <Anchor
        component={Link}
        to={`/referrals/${n.referralId}`}
        onClick={onOpen}
        display="block"
        px={4}
        py={6}
        underline="never"
        c="var(--mantine-color-text)"
        bg={n.read ? undefined : 'blue.0'}
        style={{ borderRadius: 4 }}
      >
        <Text span size="sm" fw={n.read ? 400 : 700} display="block">
          {notificationKindLabel(n.kind, t)} · {n.referralReference}
        </Text>
        <Text span size="xs" c="dimmed" display="block">
          {[n.officeCode, relative(n.createdAt), n.read ? null : t('notifications.unread')]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Anchor>
    </li>
  );
}
