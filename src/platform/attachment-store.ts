/** Where uploaded files live and how they are checked: a dependency the server hands to the use cases. */

/**
 * Hook point for a virus scanner (e.g. clamd over its socket): resolve to refuse the file with a reason,
 * or undefined to accept it. The default accepts everything; deployments that receive files from outside
 * should plug one in through buildApp's `attachmentScanner` option.
 */
export type AttachmentScanner = (file: {
  path: string;
  contentType: string;
  sha256: string;
}) => Promise<string | undefined>;
export const acceptAll: AttachmentScanner = async () => undefined;

export type AttachmentStore = { root: string; maxBytes: number; scanner: AttachmentScanner };
