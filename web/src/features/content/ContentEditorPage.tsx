import './content.css';
import { Anchor, Box, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { PageHeader } from '../../shared/components/PageHeader';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { RecordNotFound } from '../../shared/components/RecordNotFound';
import { useCan } from '../auth/session';
import { type ContentItem, useContentItem, useRevisions } from './api';
import { ContentForm } from './ContentForm';
import { kindLabel } from './labels';
import { PreviewSection } from './PreviewSection';
import { RevisionsSection } from './RevisionsSection';
import { WorkflowPanel } from './WorkflowPanel';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/content" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('content.editor.back')}
    </Anchor>
  );
}

/** A new item: its first save creates it (a draft) and opens it. */
export function NewContentPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('content.editor.newTitle')} actions={<BackLink />} />
      <ContentForm item={null} />
    </>
  );
}

/** An item: its text (editable with content.write), where it stands in the workflow, its preview and history. */
export function ContentEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useContentItem(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return isApiError(query.error, 'not_found') ? (
      <RecordNotFound title={t('content.editor.notFoundTitle')} body={t('content.editor.notFound')} />
    ) : (
      <QueryError error={query.error} onRetry={() => void query.refetch()} />
    );
  return <ContentEditor item={query.data} />;
}

function ContentEditor({ item }: { item: ContentItem }) {
  const { t } = useTranslation();
  const can = useCan();
  const revisions = useRevisions(item.id);
  const [dirty, setDirty] = useState(false);
  /** Bumped after a restore: the form starts again from the restored revision, whatever was typed. */
  const [formKey, setFormKey] = useState(0);
  const canWrite = can('content.write');
  return (
    <>
      <PageHeader
        title={item.translations.fr.title}
        intro={t('content.editor.intro', { kind: kindLabel(item.kind, t), revision: item.revision })}
        actions={<BackLink />}
      />
      <Box className="content-editor-layout">
        <Stack>
          {canWrite ? <ContentForm key={formKey} item={item} onDirtyChange={setDirty} /> : null}
          <PreviewSection item={item} />
        </Stack>
        <WorkflowPanel item={item} revisions={revisions.data ?? null} dirty={dirty} />
      </Box>
      <Stack mt="lg">
        <RevisionsSection
          item={item}
          revisions={revisions}
          dirty={dirty}
          onRestored={() => {
            setDirty(false);
            setFormKey((k) => k + 1);
          }}
        />
      </Stack>
    </>
  );
}
