import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  onCancel: () => void;
  /** Shows the submit button as busy while the form is being saved. */
  loading: boolean;
  /** The submit button's text; "Save" when not given. */
  submitLabel?: string;
}

/** The last row of a form in a modal: Cancel, then the submit button. */
export function FormActions({ onCancel, loading, submitLabel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
