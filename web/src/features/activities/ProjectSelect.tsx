import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { useProjects } from '../projects/api';

/** The project an activity or campaign counts for (its indicators); none is allowed. */
export function ProjectSelect(props: Omit<NativeSelectProps, 'data' | 'label'>) {
  const { t } = useTranslation();
  const can = useCan();
  const projects = useProjects({ enabled: can('projects.read') });
  return (
    <NativeSelect
      label={t('activities.fields.project')}
      data={[
        { value: '', label: t('activities.fields.noProject') },
        ...(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} – ${p.name}` })),
      ]}
      {...props}
    />
  );
}
