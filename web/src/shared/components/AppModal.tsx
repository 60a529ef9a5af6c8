import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A Mantine modal whose close button has a localised accessible name. */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      size="lg"
      {...props}
      closeButtonProps={{ 'aria-label': t('common.close'), ...props.closeButtonProps }}
    />
  );
}
