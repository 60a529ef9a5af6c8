import { Alert, Anchor, Button, Group, Radio, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentItemSchema } from '../../../../src/modules/content/contract';
import { AppModal } from '../../shared/components/AppModal';
import { CommentForm } from '../../shared/components/CommentForm';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { conflictCurrent } from '../../shared/components/conflict';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { useCan, useMe } from '../auth/session';
import { type ContentItem, contentApi, type Revision, useStoreContent } from './api';
import { ContentStatusBadge } from './ContentStatusBadge';
import { SITE_LANGS } from './labels';

/** Now, as a local date and time for a datetime-local input (to the minute). */
function localNow(offsetMinutes = 0): string {
  const d = new Date(Date.now() + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A workflow step: the answer (the item) goes in the cache; a 409 brings the item as it now is. */
function useStep<TBody>(
  mutationFn: (body: TBody) => Promise<ContentItem>,
  success: string,
  onDone: () => void,
) {
  const store = useStoreContent();
  return useActionMutation<TBody, ContentItem>({
    showError: 'inline',
    mutationFn,
    successMessage: () => success,
    onSaved: (saved) => {
      store(saved);
      onDone();
    },
    onError: (error) => {
      const current = conflictCurrent(error, ContentItemSchema);
      if (current) store(current);
    },
  });
}

interface WorkflowPanelProps {
  item: ContentItem;
  /** The revision history, to know who wrote what since the last publication (null while it loads). */
  revisions: Revision[] | null;
  /** The form holds unsaved changes: what is submitted is the saved revision. */
  dirty: boolean;
}

/**
 * Where the item stands and the next steps the user may take: submit for review, review (not one's own
 * writing), publish now or at a time, unpublish; and where it is on the site.
 */
export function WorkflowPanel({ item, revisions, dirty }: WorkflowPanelProps) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const format = useFormat();
  const [dialog, setDialog] = useState<'submit' | 'approve' | 'request_changes' | 'unpublish' | null>(null);
  const close = () => setDialog(null);

  const since = item.publishedRevision ?? 0;
  const authors = revisions
    ? revisions.filter((r) => r.number > since).map((r) => r.author.userId)
    : [item.updatedBy.userId, item.review?.requestedBy.userId ?? null];
  const wroteIt = authors.includes(me.user.id);

  const canSubmit = can('content.write') && (item.status === 'draft' || item.status === 'unpublished');
  const inReview = item.status === 'in_review';
  const canPublish = can('content.publish') && (item.status === 'approved' || item.status === 'scheduled');
  const canUnpublish =
    can('content.publish') &&
    (item.status === 'scheduled' || (item.publishedRevision !== null && item.status !== 'unpublished'));
  const links = SITE_LANGS.flatMap((lang) => {
    const url = item.publicUrls[lang];
    return url ? [{ lang, url }] : [];
  });

  const submit = useStep(
    (comment: string) =>
      contentApi.submit(item.id, { version: item.version, ...(comment ? { comment } : {}) }),
    t('content.workflow.submitted'),
    close,
  );
  const review = useStep(
    ({ decision, comment }: { decision: 'approve' | 'request_changes'; comment: string }) =>
      contentApi.review(item.id, { version: item.version, decision, ...(comment ? { comment } : {}) }),
    t('content.workflow.reviewed'),
    close,
  );
  const unpublish = useStep(
    (reason: string) => contentApi.unpublish(item.id, { version: item.version, reason }),
    t('content.workflow.unpublished'),
    close,
  );

  return (
    <Section id="content-workflow" title={t('content.workflow.title')}>
      <Stack>
        <ContentStatusBadge
          status={item.status}
          revision={item.revision}
          publishedRevision={item.publishedRevision}
          publishAt={item.publishAt}
        />
        <DescriptionList
          items={[
            { term: t('content.workflow.workingRevision'), description: format.number(item.revision) },
            {
              term: t('content.workflow.publishedRevision'),
              description:
                item.publishedRevision === null
                  ? t('content.workflow.never')
                  : format.number(item.publishedRevision),
            },
            ...(item.publishedAt
              ? [{ term: t('content.workflow.publishedAt'), description: format.dateTime(item.publishedAt) }]
              : []),
            ...(item.status === 'scheduled' && item.publishAt
              ? [{ term: t('content.workflow.publishAt'), description: format.dateTime(item.publishAt) }]
              : []),
          ]}
        />
        {links.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('content.workflow.publicPages')}
            </Text>
            {links.map(({ lang, url }) => (
              <Anchor key={lang} href={url} target="_blank" rel="noopener" size="sm">
                <Group gap={4} component="span" wrap="nowrap">
                  {t('content.workflow.publicPage', { language: t(`content.languages.${lang}`) })}
                  <IconExternalLink size={14} aria-hidden />
                  <VisuallyHidden component="span">{t('content.workflow.newTab')}</VisuallyHidden>
                </Group>
              </Anchor>
            ))}
          </Stack>
        ) : null}
        {item.review ? <ReviewSummary item={item} /> : null}

        {canSubmit ? (
          <Stack gap="xs">
            {dirty ? (
              <Text size="sm" id="content-submit-reason">
                {t('content.workflow.saveFirst')}
              </Text>
            ) : null}
            <Button
              onClick={() => setDialog('submit')}
              disabled={dirty}
              aria-describedby={dirty ? 'content-submit-reason' : undefined}
            >
              {t('content.workflow.submit')}
            </Button>
          </Stack>
        ) : null}

        {inReview && can('content.review') ? (
          wroteIt ? (
            <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
              {t('content.workflow.ownWriting')}
            </Alert>
          ) : (
            <Group>
              <Button onClick={() => setDialog('approve')}>{t('content.workflow.approve')}</Button>
              <Button variant="default" onClick={() => setDialog('request_changes')}>
                {t('content.workflow.requestChanges')}
              </Button>
            </Group>
          )
        ) : null}
        {inReview && !can('content.review') ? (
          <Text size="sm">{t('content.workflow.waitingForReview')}</Text>
        ) : null}

        {canPublish ? <PublishForm item={item} /> : null}
        {item.status === 'approved' && !can('content.publish') ? (
          <Text size="sm">{t('content.workflow.waitingForPublication')}</Text>
        ) : null}

        {canUnpublish ? (
          <Button variant="outline" color="red" onClick={() => setDialog('unpublish')}>
            {t('content.workflow.unpublish')}
          </Button>
        ) : null}
      </Stack>

      <AppModal
        opened={dialog === 'submit'}
        onClose={close}
        title={t('content.workflow.submitTitle')}
        size="md"
      >
        <CommentForm
          intro={t('content.workflow.submitIntro', { revision: item.revision })}
          commentLabel={t('content.workflow.submitComment')}
          submitLabel={t('content.workflow.submit')}
          pending={submit.isPending}
          formError={submit.formError}
          onSubmit={(comment) => submit.run(comment)}
          onCancel={close}
        />
      </AppModal>
      <AppModal
        opened={dialog === 'approve' || dialog === 'request_changes'}
        onClose={close}
        title={
          dialog === 'approve'
            ? t('content.workflow.approveTitle')
            : t('content.workflow.requestChangesTitle')
        }
        size="md"
      >
        {dialog === 'approve' || dialog === 'request_changes' ? (
          <CommentForm
            intro={
              dialog === 'approve'
                ? t('content.workflow.approveIntro', { revision: item.revision })
                : t('content.workflow.requestChangesIntro')
            }
            commentLabel={t('content.workflow.reviewComment')}
            required={dialog === 'request_changes'}
            submitLabel={
              dialog === 'approve' ? t('content.workflow.approve') : t('content.workflow.requestChanges')
            }
            pending={review.isPending}
            formError={review.formError}
            onSubmit={(comment) => review.run({ decision: dialog, comment })}
            onCancel={close}
          />
        ) : null}
      </AppModal>
      <AppModal
        opened={dialog === 'unpublish'}
        onClose={close}
        title={t('content.workflow.unpublishTitle')}
        size="md"
      >
        <CommentForm
          intro={t('content.workflow.unpublishIntro')}
          commentLabel={t('content.workflow.unpublishReason')}
          required
          danger
          submitLabel={t('content.workflow.unpublish')}
          pending={unpublish.isPending}
          formError={unpublish.formError}
          onSubmit={(reason) => unpublish.run(reason)}
          onCancel={close}
        />
      </AppModal>
    </Section>
  );
}

function ReviewSummary({ item }: { item: ContentItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const review = item.review;
  if (!review) return null;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('content.workflow.requested', {
          name: review.requestedBy.name,
          time: format.dateTime(review.requestedAt),
        })}
      </Text>
      {review.comment ? (
        <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
          <bdi>{review.comment}</bdi>
        </Text>
      ) : null}
      {review.decidedBy && review.decision ? (
        <>
          <Text size="sm">
            {t(
              review.decision === 'approve'
                ? 'content.workflow.approvedBy'
                : 'content.workflow.changesRequestedBy',
              {
                name: review.decidedBy.name,
                time: format.dateTime(review.decidedAt),
              },
            )}
          </Text>
          {review.decisionComment ? (
            <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
              <bdi>{review.decisionComment}</bdi>
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

/** Publishes the approved revision now (after a confirmation) or at a future time in the user's time zone. */
function PublishForm({ item }: { item: ContentItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<'now' | 'later'>(item.status === 'scheduled' ? 'later' : 'now');
  const [at, setAt] = useState(() => (item.publishAt ? localOf(item.publishAt) : localNow(60)));
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const publish = useStep(
    (publishAt: string | null) => contentApi.publish(item.id, { version: item.version, publishAt }),
    mode === 'now' ? t('content.workflow.publishedNow') : t('content.workflow.scheduled'),
    () => setConfirming(false),
  );
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const missingPdf = item.kind === 'publication' && item.publicationFile === null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mode === 'now') return setConfirming(true);
    const when = new Date(at);
    if (!at || Number.isNaN(when.getTime())) return setError(t('validation.invalidDate'));
    if (when.getTime() <= Date.now()) return setError(t('content.workflow.inPast'));
    setError(null);
    publish.run(when.toISOString());
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('content.workflow.publishTitle')}>
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('content.workflow.publishTitle')}
        </Text>
        {missingPdf ? (
          <Alert variant="light" color="orange">
            {t('content.workflow.missingPdf')}
          </Alert>
        ) : null}
        {confirming ? null : <FormErrorAlert error={publish.formError} />}
        <Radio.Group
          label={t('content.workflow.when')}
          value={mode}
          onChange={(value) => {
            setMode(value === 'later' ? 'later' : 'now');
            setError(null);
          }}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="now" label={t('content.workflow.now')} />
            <Radio value="later" label={t('content.workflow.later')} />
          </Stack>
        </Radio.Group>
        {mode === 'later' ? (
          <TextInput
            type="datetime-local"
            label={t('content.workflow.publishAt')}
            description={t('content.workflow.timeZone', { zone })}
            required
            min={localNow(1)}
            value={at}
            error={error}
            onChange={(event) => {
              setAt(event.currentTarget.value);
              setError(null);
            }}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={publish.isPending && !confirming}>
            {mode === 'now' ? t('content.workflow.publishNow') : t('content.workflow.schedule')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('content.workflow.publishNowTitle')}
        message={t('content.workflow.publishNowMessage', { revision: item.revision })}
        confirmLabel={t('content.workflow.publishNow')}
        loading={publish.isPending}
        error={<FormErrorAlert error={publish.formError} />}
        onConfirm={() => publish.run(null)}
        onClose={() => {
          publish.reset();
          setConfirming(false);
        }}
      />
      {item.status === 'scheduled' && item.publishAt ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('content.workflow.rescheduleHint', { time: format.dateTime(item.publishAt) })}
        </Text>
      ) : null}
    </form>
  );
}

/** An ISO instant as a local date and time for a datetime-local input. */
function localOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
