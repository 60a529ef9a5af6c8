import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import {
  type ContentItem,
  ContentItemSchema,
  type ContentKind,
  type ContentStatus,
  ContentSummarySchema,
  type CreateContent,
  FileSchema,
  type Image,
  ImageSchema,
  PublicFigureOptionSchema,
  type PublishContent,
  type ReviewContent,
  RevisionSchema,
  type SaveContent,
} from '../../../../src/modules/content/contract';
import { api, apiRequest } from '../../shared/api/client';

export type { ContentItem, ContentKind, ContentStatus, CreateContent, Image, SaveContent };
export type ContentSummary = z.infer<typeof ContentSummarySchema>;
export type Revision = z.infer<typeof RevisionSchema>;
export type PublicFigureOption = z.infer<typeof PublicFigureOptionSchema>;
export type ContentFile = z.infer<typeof FileSchema>;

const ContentPageSchema = z.object({ items: z.array(ContentSummarySchema), total: z.number().int() });
export type ContentPage = z.infer<typeof ContentPageSchema>;

export const PAGE_SIZE = 25;

export interface ContentFilters {
  status?: ContentStatus;
  kind?: ContentKind;
  q?: string;
  offset: number;
}

export const contentKeys = {
  all: ['content'] as const,
  lists: ['content', 'list'] as const,
  list: (filters: ContentFilters) => ['content', 'list', filters] as const,
  item: (id: string) => ['content', 'item', id] as const,
  revisions: (id: string) => ['content', 'revisions', id] as const,
  figures: ['content', 'figures'] as const,
};

const path = (id: string, rest = '') => `/content/${encodeURIComponent(id)}${rest}`;

export function useContentList(filters: ContentFilters) {
  return useQuery({
    queryKey: contentKeys.list(filters),
    queryFn: ({ signal }): Promise<ContentPage> =>
      api.get('/content', ContentPageSchema, { ...filters, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useContentItem(id: string) {
  return useQuery({
    queryKey: contentKeys.item(id),
    queryFn: ({ signal }): Promise<ContentItem> => api.get(path(id), ContentItemSchema, undefined, signal),
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: contentKeys.revisions(id),
    queryFn: ({ signal }): Promise<Revision[]> =>
      api.get(path(id, '/revisions'), z.array(RevisionSchema), undefined, signal),
  });
}

/** The live figures an article may embed (the public ones of the reporting catalogue). */
export function useFigures(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: contentKeys.figures,
    queryFn: ({ signal }): Promise<PublicFigureOption[]> =>
      api.get('/content/figures', z.array(PublicFigureOptionSchema), undefined, signal),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

/** The body of an image upload's query, and of a change of its alt text. */
export interface ImageAlt {
  altFr: string;
  altEn?: string;
}

export const contentApi = {
  create: (body: CreateContent) => api.post('/content', body, ContentItemSchema),
  save: (id: string, body: SaveContent) => api.put(path(id), body, ContentItemSchema),
  submit: (id: string, body: { version: number; comment?: string }) =>
    api.post(path(id, '/submit'), body, ContentItemSchema),
  review: (id: string, body: ReviewContent) => api.post(path(id, '/review'), body, ContentItemSchema),
  publish: (id: string, body: PublishContent) => api.post(path(id, '/publish'), body, ContentItemSchema),
  unpublish: (id: string, body: { version: number; reason: string }) =>
    api.post(path(id, '/unpublish'), body, ContentItemSchema),
  restore: (id: string, revision: number, version: number) =>
    api.post(path(id, `/revisions/${revision}/restore`), { version }, ContentItemSchema),
  uploadImage: (id: string, file: File, alt: ImageAlt) => {
    const form = new FormData();
    form.append('file', file);
    // The alt text travels in the query: the body is the file alone.
    return apiRequest(path(id, '/images'), {
      method: 'POST',
      body: form,
      query: { altFr: alt.altFr, altEn: alt.altEn },
      schema: ImageSchema,
    });
  },
  updateImageAlt: (id: string, imageId: string, alt: ImageAlt) =>
    api.patch(path(id, `/images/${encodeURIComponent(imageId)}`), alt, ImageSchema),
  deleteImage: (id: string, imageId: string) =>
    api.delete(path(id, `/images/${encodeURIComponent(imageId)}`)),
  uploadPublicationFile: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(path(id, '/publication-file'), form, FileSchema);
  },
};

/**
 * After a write answered with the item: it goes in the cache as it is now, and the lists and the revision
 * history are read again.
 */
export function useStoreContent(): (item: ContentItem) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (item: ContentItem) => {
      queryClient.setQueryData(contentKeys.item(item.id), item);
      void queryClient.invalidateQueries({ queryKey: contentKeys.lists });
      void queryClient.invalidateQueries({ queryKey: contentKeys.revisions(item.id) });
    },
    [queryClient],
  );
}

/** After a write that does not answer with the item (images, files): the item is read again. */
export function useRefreshContent(): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (id: string) => {
      void queryClient.invalidateQueries({ queryKey: contentKeys.lists });
      await queryClient.invalidateQueries({ queryKey: contentKeys.item(id) });
    },
    [queryClient],
  );
}
