// The case dossier: its content, its hash and its PDF.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { contentHash } from './model.js';
// Text the built-in PDF fonts can show, for other modules' PDFs (the collaboration sheet).
export { pdfSafe } from './render.js';
export { dossierRoutes } from './routes.js';
export { collectDossier, makeDossier } from './service.js';
