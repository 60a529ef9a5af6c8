import { SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  FrameworkNodeInputSchema,
  FrameworkNodeUpdateSchema,
} from '../../../../src/modules/reporting/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ModalForm } from '../../shared/components/ModalForm';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import {
  type FrameworkNode,
  type NodeBody,
  type NodeUpdateBody,
  reportingApi,
  useRefreshReporting,
} from './api';
import { type NodeKind, useReportingLabels } from './labels';
import { onFields } from './problems';

interface NodeValues {
  code: string;
  title: { fr: string; en: string };
}

/** What the modal does: add an impact, outcome or output under a parent, or change one. */
export type NodeDialog =
  | { mode: 'create'; kind: NodeKind; parent: FrameworkNode | null }
  | { mode: 'edit'; node: FrameworkNode };

const FIELDS = ['code', 'title'];

export function NodeFormModal({
  projectId,
  dialog,
  onClose,
}: {
  projectId: string;
  dialog: NodeDialog | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const title = !dialog
    ? ''
    : dialog.mode === 'edit'
      ? t('reporting.framework.editNodeTitle', {
          kind: labels.nodeKind(dialog.node.kind),
          code: dialog.node.code,
        })
      : dialog.parent
        ? t('reporting.framework.addNodeUnder', {
            kind: labels.nodeKind(dialog.kind),
            parent: dialog.parent.code,
          })
        : t('reporting.framework.addNodeTitle', { kind: labels.nodeKind(dialog.kind) });
  return (
    <AppModal opened={dialog !== null} onClose={onClose} title={title}>
      {dialog ? <NodeForm projectId={projectId} dialog={dialog} onDone={onClose} /> : null}
    </AppModal>
  );
}

function NodeForm({
  projectId,
  dialog,
  onDone,
}: {
  projectId: string;
  dialog: NodeDialog;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshReporting();
  const editing = dialog.mode === 'edit' ? dialog.node : null;
  const resolver = editing
    ? localizedZodResolver<NodeValues, NodeUpdateBody>(FrameworkNodeUpdateSchema, t, (v) => ({
        version: editing.version,
        code: v.code,
        title: v.title,
      }))
    : localizedZodResolver<NodeValues, NodeBody>(FrameworkNodeInputSchema, t, (v) => ({
        kind: dialog.mode === 'create' ? dialog.kind : 'outcome',
        parentId: dialog.mode === 'create' ? (dialog.parent?.id ?? null) : null,
        code: v.code,
        title: v.title,
      }));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<NodeValues, unknown, NodeBody | NodeUpdateBody>({
    resolver,
    defaultValues: { code: editing?.code ?? '', title: editing?.title ?? { fr: '', en: '' } },
  });
  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField: (path) => FIELDS.includes(path.split('.')[0] ?? path),
    mutationFn: (body: NodeBody | NodeUpdateBody) =>
      editing
        ? reportingApi.updateNode(editing.id, body as NodeUpdateBody)
        : reportingApi.addNode(projectId, body as NodeBody),
    localizeError: onFields({ framework_code_taken: 'code' }),
    successMessage: (saved) => t('reporting.framework.nodeSaved', { code: saved.code }),
    onSaved: onDone,
    refresh,
  });
  return (
    <ModalForm onSubmit={handleSubmit(submit)} formError={formError} onCancel={onDone} loading={isPending}>
      <TextInput
        label={t('reporting.framework.fields.code')}
        description={t('reporting.framework.fields.codeHint')}
        required
        autoComplete="off"
        error={errors.code?.message}
        {...register('code')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('reporting.framework.fields.titleFr')}
          required
          lang="fr"
          autoComplete="off"
          error={errors.title?.fr?.message}
          {...register('title.fr')}
        />
        <TextInput
          label={t('reporting.framework.fields.titleEn')}
          required
          lang="en"
          autoComplete="off"
          error={errors.title?.en?.message}
          {...register('title.en')}
        />
      </SimpleGrid>
    </ModalForm>
  );
}
