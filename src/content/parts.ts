/**
 * The book's parts, in reading order. A chapter's `part` frontmatter must name one
 * of these, and its file must live in the part's folder under `content/`.
 */
export const PARTS = [
  { id: 'front', label: 'Front matter', dir: '' },
  { id: 'black-box', label: 'Opening the black box', dir: 'opening-the-black-box' },
  { id: 'compute', label: 'How networks compute', dir: 'how-networks-compute' },
  { id: 'inside', label: 'Seeing inside', dir: 'seeing-inside' },
  { id: 'explaining', label: 'Explaining predictions', dir: 'explaining-predictions' },
  { id: 'judging', label: 'Judging explanations', dir: 'judging-explanations' },
  { id: 'back', label: 'Back matter', dir: 'back-matter' },
] as const;

export type PartId = (typeof PARTS)[number]['id'];
export const PART_IDS = PARTS.map((p) => p.id) as [PartId, ...PartId[]];
