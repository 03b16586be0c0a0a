/** A catalogue item's states: draft → review → published (a reviewer publishes); review may go back to draft. */

export const CATALOGUE_STATES = ['draft', 'review', 'published'] as const;
export type CatalogueState = (typeof CATALOGUE_STATES)[number];

export const CATALOGUE_STATE_LABELS: Readonly<Record<CatalogueState, string>> = {
  draft: '草稿',
  review: '待审核',
  published: '已发布',
};

export type CatalogueStep = 'submit' | 'return' | 'publish' | 'edit';

export const CATALOGUE_STEP_LABELS: Readonly<Record<CatalogueStep, string>> = {
  submit: '提交审核',
  return: '退回修改',
  publish: '发布',
  edit: '修改',
};

const STEPS: Readonly<Record<CatalogueStep, { readonly from: readonly CatalogueState[]; readonly to: CatalogueState | null }>> = {
  submit: { from: ['draft'], to: 'review' },
  return: { from: ['review'], to: 'draft' },
  publish: { from: ['review'], to: 'published' },
  // editing keeps the state; a published item changes only its validity (change-validity)
  edit: { from: ['draft', 'review'], to: null },
};

/** The state after the step, or null when the step is not allowed from `state`. */
export function nextState(state: CatalogueState, step: CatalogueStep): CatalogueState | null {
  const rule = STEPS[step];
  if (!rule.from.includes(state)) return null;
  return rule.to ?? state;
}
