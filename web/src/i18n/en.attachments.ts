// English texts of attachments; typed against the Dutch block, so a missing key fails
// the build.
import type { nlAttachments } from './nl.attachments.js';

export const enAttachments: Record<keyof typeof nlAttachments, string> = {
  'attachments.title': 'Attachments',
  'attachments.none': 'No files yet.',
  'attachments.on.intake': 'With the request',
  'attachments.on.message': 'In the conversation',
  'attachments.on.answer': 'With a department’s answer',
  'attachments.on.commitment': 'With a commitment',
  'attachments.fileLabel': 'Add a file',
  'attachments.fileHint': 'A drawing, photo or PDF (PDF, PNG, JPEG, WebP or HEIC).',
  'attachments.fileHintLimit': 'A drawing, photo or PDF (PDF, PNG, JPEG, WebP or HEIC), at most {mb} MB.',
  'attachments.add': 'Add file',
  'attachments.added': '{name} was added.',
  'attachments.chooseFirst': 'Choose a file first.',
  'attachments.remove': 'Remove {name}',
  'attachments.removed': '{name} was removed.',
  'attachments.download': 'Download {name} ({size})',
  'attachments.by': 'by {name}, {date}',
  'attachments.intakeLabel': 'Drawings, photos or PDFs (optional)',
  'attachments.intakeHint': 'You can choose several files at once: PDF, PNG, JPEG, WebP or HEIC.',
  'attachments.intakeFailed': 'Your request was sent, but these files did not come along: {names}. Send them later in a message.',
  'attachments.limitsTitle': 'Attachments',
  'attachments.maxFileMb': 'Largest file (MB)',
  'attachments.maxFiles': 'Files per request, conversation, answer or commitment',
  'attachments.limitsSave': 'Save limits',
  'event.attachmentAdded': 'Attachment added: {name}',
  'event.attachmentRemoved': 'Attachment removed: {name}',
  'attachments.limitsSaved': 'The limits for attachments were saved.',
};
