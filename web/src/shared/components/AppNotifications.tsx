import { type MantineThemeOverride, MantineThemeProvider } from '@mantine/core';
import { Notifications, type NotificationsProps } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's toasts, whose close button has a localised accessible name (Mantine gives it none): every
 * `notifications.show(...)` gets it by default, in the current language, without each call passing it.
 */
export function AppNotifications(props: NotificationsProps) {
  const { t } = useTranslation();
  const close = t('common.close');
  const theme = useMemo<MantineThemeOverride>(
    () => ({
      components: {
        Notification: { defaultProps: { closeButtonProps: { 'aria-label': close, title: close } } },
      },
    }),
    [close],
  );
  return (
    <MantineThemeProvider theme={theme}>
      <Notifications {...props} />
    </MantineThemeProvider>
  );
}
