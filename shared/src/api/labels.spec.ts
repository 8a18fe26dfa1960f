import { describe, expect, it } from '@jest/globals';
import { A4_HEIGHT_MM, A4_WIDTH_MM, LABEL_TEMPLATES, labelSheetPages, labelTemplate } from './labels.js';

describe('label sheet templates', () => {
  it.each(LABEL_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s is centred on A4 paper, as the sheets are cut',
    (_, template) => {
      const width = template.columns * template.labelWidth + (template.columns - 1) * template.gapX;
      const height = template.rows * template.labelHeight + (template.rows - 1) * template.gapY;
      expect(2 * template.marginLeft + width).toBeCloseTo(A4_WIDTH_MM, 1);
      expect(2 * template.marginTop + height).toBeCloseTo(A4_HEIGHT_MM, 1);
    },
  );

  it('counts the sheets a print takes, the skipped positions of the first one included', () => {
    const template = labelTemplate('a4-3x8-70x37');
    expect([
      labelSheetPages(template, 24),
      labelSheetPages(template, 25),
      labelSheetPages(template, 5, 20),
      labelSheetPages(template, 6, 20),
    ]).toEqual([1, 2, 1, 2]);
  });
});
