// Sharing agreements between the municipalities of one installation
// (docs/product.md#sharing-agreements-between-municipalities). The module's public
// face: what other modules, the composition root, the demo and tests may use.
export { type SharedRequestFigures, sharedRequestFigureSource, sharedRequestFigures } from './figures.js';
export { type AgreementStatus, agreementStatus, domainInScope, type RequestOutcome, requestOutcome, themesInScope } from './model.js';
export { agreementPolicy } from './policy.js';
export { type AgreementRow, enterReceiver, enterSharedParty, returnHome, sharedSpecialists } from './repo.js';
export { AgreementOut, EndAgreementBody, intermunicipalRoutes, presentAgreement } from './routes.js';
export {
  type AgreementView,
  agreementNamesByIds,
  agreementsInForceAsProvider,
  agreementsInForceByIds,
  agreementView,
  approveAgreement,
  availableSharedDepartments,
  endAgreementIn,
  getAgreement,
  listAgreements,
  proposeAgreement,
  receiverThemes,
  recordCrossAccess,
  type SharedDepartment,
  sharedDepartmentsIn,
} from './service.js';
