import type { LocalizedText } from '../i18n/locale.js';

/**
 * A sticker sheet on A4 portrait paper, in millimetres, as sold: labels in a grid, with the page
 * margins and gaps of the real sheet so that what is printed lands inside each cut label.
 */
export interface LabelTemplate {
  id: string;
  name: LocalizedText;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** From the sheet's top and left edges to the first label. */
  marginTop: number;
  marginLeft: number;
  /** Between neighbouring labels. */
  gapX: number;
  gapY: number;
}

export const A4_WIDTH_MM = 210;
export const A4_HEIGHT_MM = 297;

/** How many labels one request may print (a few hundred sheets). */
export const LABEL_COUNT_MAX = 5000;

export const LABEL_TEMPLATES = [
  {
    id: 'a4-3x8-70x37',
    name: { vi: '70 × 37 mm, 24 nhãn/tờ', en: '70 × 37 mm, 24 labels/sheet' },
    columns: 3,
    rows: 8,
    labelWidth: 70,
    labelHeight: 37,
    marginTop: 0.5,
    marginLeft: 0,
    gapX: 0,
    gapY: 0,
  },
  {
    id: 'a4-3x7-70x42',
    name: { vi: '70 × 42,3 mm, 21 nhãn/tờ', en: '70 × 42.3 mm, 21 labels/sheet' },
    columns: 3,
    rows: 7,
    labelWidth: 70,
    labelHeight: 42.3,
    marginTop: 0.45,
    marginLeft: 0,
    gapX: 0,
    gapY: 0,
  },
  {
    id: 'a4-2x7-99x38',
    name: { vi: '99,1 × 38,1 mm, 14 nhãn/tờ', en: '99.1 × 38.1 mm, 14 labels/sheet' },
    columns: 2,
    rows: 7,
    labelWidth: 99.1,
    labelHeight: 38.1,
    marginTop: 15.15,
    marginLeft: 4.65,
    gapX: 2.5,
    gapY: 0,
  },
  {
    id: 'a4-4x10-48x25',
    name: { vi: '48,5 × 25,4 mm, 40 nhãn/tờ', en: '48.5 × 25.4 mm, 40 labels/sheet' },
    columns: 4,
    rows: 10,
    labelWidth: 48.5,
    labelHeight: 25.4,
    marginTop: 21.5,
    marginLeft: 8,
    gapX: 0,
    gapY: 0,
  },
  {
    id: 'a4-5x13-38x21',
    name: { vi: '38,1 × 21,2 mm, 65 nhãn/tờ', en: '38.1 × 21.2 mm, 65 labels/sheet' },
    columns: 5,
    rows: 13,
    labelWidth: 38.1,
    labelHeight: 21.2,
    marginTop: 10.7,
    marginLeft: 4.75,
    gapX: 2.5,
    gapY: 0,
  },
  {
    id: 'a4-2x4-105x74',
    name: { vi: '105 × 74 mm, 8 nhãn/tờ', en: '105 × 74 mm, 8 labels/sheet' },
    columns: 2,
    rows: 4,
    labelWidth: 105,
    labelHeight: 74,
    marginTop: 0.5,
    marginLeft: 0,
    gapX: 0,
    gapY: 0,
  },
] as const satisfies readonly LabelTemplate[];

export type LabelTemplateId = (typeof LABEL_TEMPLATES)[number]['id'];
export const LABEL_TEMPLATE_IDS: LabelTemplateId[] = LABEL_TEMPLATES.map((t) => t.id);
export const DEFAULT_LABEL_TEMPLATE: LabelTemplateId = 'a4-3x8-70x37';

export function labelTemplate(id: LabelTemplateId): LabelTemplate {
  return LABEL_TEMPLATES.find((t) => t.id === id)!;
}

export const labelsPerPage = (template: LabelTemplate): number => template.columns * template.rows;

/** Sheets used when the first label goes at position `startAt` (1 = top left, row by row). */
export function labelSheetPages(template: LabelTemplate, count: number, startAt = 1): number {
  return Math.ceil((startAt - 1 + count) / labelsPerPage(template));
}

/** `GET /api/batches/{id}/labels.pdf` query. */
export interface LabelSheetQuery {
  template?: LabelTemplateId;
  /** 1..LABEL_COUNT_MAX; one full sheet when left out. */
  count?: number;
  /** Position of the first label on the first sheet, to use up a partly used sheet; 1 by default. */
  startAt?: number;
}
