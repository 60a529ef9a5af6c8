/** The editorial API of public content (`/api/content/...`): thin routes over the use cases. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../platform/contract';
import { AppError } from '../../platform/errors';
import { actorCtx, type ServerDeps } from '../../server/context';
import {
  ContentItemSchema,
  ContentListQuerySchema,
  ContentListSchema,
  CreateContentSchema,
  FileSchema,
  ImageAltSchema,
  ImageParamsSchema,
  ImageSchema,
  ImageUploadQuerySchema,
  MediaParamsSchema,
  PublicFigureOptionListSchema,
  PublishContentSchema,
  RestoreRevisionSchema,
  ReviewContentSchema,
  RevisionDetailSchema,
  RevisionListSchema,
  RevisionParamsSchema,
  SaveContentSchema,
  SubmitForReviewSchema,
  UnpublishContentSchema,
} from './contract';
import { createContent } from './create-content';
import { deleteImage, updateImageAlt, uploadImage } from './images';
import type { Upload } from './media';
import { uploadPublicationFile } from './publication-file';
import { publishContent } from './publish-content';
import {
  figureOptions,
  getContent,
  getRevision,
  listContent,
  listRevisions,
  openDraftMedia,
} from './queries';
import { restoreRevision } from './restore-revision';
import { reviewContent } from './review-content';
import { saveContent } from './save-content';
import { submitContent } from './submit-content';
import { unpublishContent } from './unpublish-content';

const tags = ['content'];

/** The one file of a multipart upload, as the use cases take it. */
async function uploadOf(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const file = await request.file();
  if (!file)
    throw new AppError('validation_failed', {
      fields: [{ path: 'file', code: 'required', message: 'file' }],
    });
  return {
    fileName: file.filename,
    contentType: file.mimetype,
    stream: file.file,
    truncated: () => file.file.truncated,
  };
}

export function contentRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest) => actorCtx(request, deps);

  r.get(
    '/api/content',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary:
          'Content of my offices (news, statements, project pages, publications, pages), latest change first',
        querystring: ContentListQuerySchema,
        response: { 200: ContentListSchema },
      },
    },
    async (request) => listContent(ctxOf(request), request.query),
  );

  r.post(
    '/api/content',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Start an item as a draft (its first revision; text sanitised)',
        body: CreateContentSchema,
        response: { 201: ContentItemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createContent(ctxOf(request), request.body)),
  );

  r.get(
    '/api/content/figures',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Live figures an article may embed (public definitions of my offices’ projects)',
        response: { 200: PublicFigureOptionListSchema },
      },
    },
    async (request) => figureOptions(ctxOf(request)),
  );

  r.get(
    '/api/content/:id',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'One item: its working revision, status, review, images, public addresses',
        params: IdParamsSchema,
        response: { 200: ContentItemSchema },
      },
    },
    async (request) => getContent(ctxOf(request), request.params.id),
  );

  r.put(
    '/api/content/:id',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary:
          'Save the working draft as a new revision (409 version_conflict with `current` and `changed` fields)',
        params: IdParamsSchema,
        body: SaveContentSchema,
        response: { 200: ContentItemSchema },
      },
    },
    async (request) => saveContent(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/content/:id/submit',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Ask a second person to review the working revision',
        params: IdParamsSchema,
        body: SubmitForReviewSchema,
        response: { 200: ContentItemSchema },
      },
    },
    async (request) => submitContent(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/content/:id/review',
    {
      config: { permission: 'content.review' },
      schema: {
        tags,
        summary: 'Approve the submitted revision or ask for changes (not by one of its authors: 422)',
        params: IdParamsSchema,
        body: ReviewContentSchema,
        response: { 200: ContentItemSchema },
      },
    },
    async (request) => reviewContent(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/content/:id/publish',
    {
      config: { permission: 'content.publish' },
      schema: {
        tags,
        summary: 'Publish the approved revision now (`publishAt` null) or at a later time',
        params: IdParamsSchema,
        body: PublishContentSchema,
        response: { 200: ContentItemSchema },
      },
    },
    async (request) => publishContent(ctxOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/content/:id/unpublish',
    {
      config: { permission: 'content.publish' },
      schema: {
        tags,
        summary: 'Take the item off the site at once (and cancel a scheduled publication)',
        params: IdParamsSchema,
        body: UnpublishContentSchema,
        response: { 200: ContentItemSchema },
      },
    },
    async (request) => unpublishContent(ctxOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/content/:id/revisions',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'The revisions of an item, newest first (the published one marked)',
        params: IdParamsSchema,
        response: { 200: RevisionListSchema },
      },
    },
    async (request) => listRevisions(ctxOf(request), request.params.id),
  );

  r.get(
    '/api/content/:id/revisions/:number',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'One revision as it was saved',
        params: RevisionParamsSchema,
        response: { 200: RevisionDetailSchema },
      },
    },
    async (request) => getRevision(ctxOf(request), request.params.id, request.params.number),
  );

  r.post(
    '/api/content/:id/revisions/:number/restore',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Make an old revision the working draft again (a new revision copied from it)',
        params: RevisionParamsSchema,
        body: RestoreRevisionSchema,
        response: { 200: ContentItemSchema },
      },
    },
    async (request) =>
      restoreRevision(ctxOf(request), request.params.id, request.params.number, request.body.version),
  );

  r.post(
    '/api/content/:id/images',
    {
      config: { permission: 'content.write', multipart: true },
      schema: {
        tags,
        summary:
          'Upload an image (multipart, one `file` field; JPEG, PNG or WebP; `?altFr=&altEn=` text alternatives)',
        params: IdParamsSchema,
        querystring: ImageUploadQuerySchema,
        response: { 201: ImageSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await uploadImage(
            ctxOf(request),
            deps.attachments,
            request.params.id,
            await uploadOf(request),
            request.query,
          ),
        ),
  );

  r.patch(
    '/api/content/:id/images/:imageId',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Change an image’s text alternatives',
        params: ImageParamsSchema,
        body: ImageAltSchema,
        response: { 200: ImageSchema },
      },
    },
    async (request) =>
      updateImageAlt(ctxOf(request), request.params.id, request.params.imageId, request.body),
  );

  r.delete(
    '/api/content/:id/images/:imageId',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Remove an image the item no longer shows (409 if a revision shows it or the site does)',
        params: ImageParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteImage(ctxOf(request), deps.attachments, request.params.id, request.params.imageId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/content/:id/file',
    {
      config: { permission: 'content.write', multipart: true },
      schema: {
        tags,
        summary: 'Upload a publication’s PDF (multipart, one `file` field; the bytes must be a PDF)',
        params: IdParamsSchema,
        response: { 201: FileSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await uploadPublicationFile(
            ctxOf(request),
            deps.attachments,
            request.params.id,
            await uploadOf(request),
          ),
        ),
  );

  r.get(
    '/api/content/:id/media/:name',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'An image width or PDF of the item, for the editors’ preview before it is published',
        params: MediaParamsSchema,
      },
    },
    async (request, reply) => {
      const media = await openDraftMedia(
        ctxOf(request),
        deps.attachments,
        request.params.id,
        request.params.name,
      );
      return reply
        .type(media.mediaType)
        .header('content-length', media.bytes)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.fileName)}`)
        .send(media.stream);
    },
  );
}
