// Attachments: files on the intake, on messages, on a department's answer and on
// commitments (docs/product.md#attachments). The module's public face.

export { fileStoreFor } from './configured-store.js';
export { type OrphanJob, startOrphanCleanup } from './jobs.js';
export { ALLOWED_TYPES, type AttachmentOn } from './model.js';
export { attachmentRoutes } from './routes.js';
export { addAttachment, addIntakeAttachment, attachmentsForDossier, listAttachments, removeAttachment, unsafeCaseFileContent } from './service.js';
export { type FileStore, localFileStore } from './store.js';
