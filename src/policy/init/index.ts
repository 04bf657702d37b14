/** `sf arch policy init`: a draft `arch-review.yml` from the metadata. */
export { buildPolicyDraft, type DraftSystem, type PolicyDraft } from './draft.js';
export { renderPolicyDraft } from './render.js';
