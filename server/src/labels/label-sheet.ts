import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { labelsPerPage, type LabelTemplate } from '@nguon/shared';
import { qrSymbolPath } from './qr-symbol.js';

const require = createRequire(import.meta.url);
/** DejaVu covers Vietnamese; pdfkit embeds only the glyphs used. Read once, used by every sheet. */
const FONTS = {
  regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
type FontName = keyof typeof FONTS;

const POINTS_PER_MM = 72 / 25.4;
const mm = (value: number) => value * POINTS_PER_MM;
const MAX_FONT_SIZE = 14;
/** About 1.1 mm capitals: the smallest still read by eye on a 300 dpi print. */
const MIN_FONT_SIZE = 4.5;
const LINE_SPACING = 1.25;
const DETAIL_SCALE = 0.85;
const QR_FORM = 'Qr';

/** What every label of the sheet says: all labels of a batch are the same. */
export interface LabelContent {
  url: string;
  product: string;
  /** The lines under the product name (lot, date, code). */
  details: string[];
  title: string;
}

export interface SheetLayout {
  template: LabelTemplate;
  count: number;
  /** 1-based position of the first label on the first sheet, row by row. */
  startAt: number;
}

interface TextLine {
  text: string;
  font: FontName;
  size: number;
  /** From the label's top left corner, in points. */
  x: number;
  y: number;
}

/** Where the QR symbol and each text line sit on a label, worked out once for the whole sheet. */
interface LabelLayout {
  qrOffset: number;
  /** Points per module. */
  qrScale: number;
  lines: TextLine[];
}

/**
 * The label sheet as a PDF stream. Pages are drawn as the reader pulls, so a slow download holds
 * about one page in memory. The QR symbol is one form XObject placed on every label: a thousand
 * labels stay small and are drawn in well under a second.
 */
export async function labelSheetPdf(content: LabelContent, sheet: SheetLayout): Promise<Readable> {
  // Loaded on the first sheet rather than at start.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: content.title, Producer: 'Nguồn' } });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const symbol = qrSymbolPath(content.url, 'M');
  const qrForm = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [0, 0, symbol.extent, symbol.extent], Resources: {} });
  qrForm.end(symbol.operators);
  const layout = layoutLabel(doc, content, sheet.template, symbol.extent);
  return Readable.from(drawPages(doc, sheet, layout, qrForm), { objectMode: false });
}

function* drawPages(
  doc: PDFKit.PDFDocument,
  { template, count, startAt }: SheetLayout,
  layout: LabelLayout,
  qrForm: PDFKit.PDFKitReference,
): Generator<Buffer> {
  const perPage = labelsPerPage(template);
  const first = startAt - 1;
  for (let position = first; position < first + count; position++) {
    const slot = position % perPage;
    if (slot === 0 || position === first) {
      // Adding a page writes out the one before: hand that out before drawing on.
      doc.addPage();
      doc.page.xobjects[QR_FORM] = qrForm;
      const written = doc.read() as Buffer | null;
      if (written) yield written;
    }
    const left = mm(template.marginLeft + (slot % template.columns) * (template.labelWidth + template.gapX));
    const top = mm(template.marginTop + Math.floor(slot / template.columns) * (template.labelHeight + template.gapY));
    drawLabel(doc, layout, left, top);
  }
  doc.end();
  for (let rest = doc.read() as Buffer | null; rest; rest = doc.read() as Buffer | null) yield rest;
}

function drawLabel(doc: PDFKit.PDFDocument, layout: LabelLayout, left: number, top: number): void {
  const { qrScale: s, qrOffset } = layout;
  // pdfkit's page space runs top down, as the symbol's rows do.
  doc.addContent(`q ${s} 0 0 ${s} ${left + qrOffset} ${top + qrOffset} cm /${QR_FORM} Do Q`);
  for (const line of layout.lines)
    doc
      .font(line.font)
      .fontSize(line.size)
      .text(line.text, left + line.x, top + line.y, { lineBreak: false });
}

/**
 * The QR symbol (quiet zone included) fills the label's height on the left, up to half its width;
 * the text takes the rest: the product name first and larger (on two lines when that lets it be
 * larger), then the details, each line shrunk to fit and cut short with "…" below the smallest size.
 */
function layoutLabel(doc: PDFKit.PDFDocument, content: LabelContent, template: LabelTemplate, qrExtent: number): LabelLayout {
  const width = mm(template.labelWidth);
  const height = mm(template.labelHeight);
  // Room for a printer that feeds a little off: more on larger labels.
  const inset = Math.min(Math.max(height * 0.06, mm(1.2)), mm(4));
  const qrSide = Math.min(height - 2 * inset, width / 2);
  const textX = inset + qrSide;
  const textWidth = width - textX - inset;
  const textHeight = height - 2 * inset;

  const sizeFor = (productLines: string[]) => {
    const base = Math.min(MAX_FONT_SIZE, textHeight / (LINE_SPACING * (productLines.length + DETAIL_SCALE * content.details.length)));
    return { base, product: Math.min(...productLines.map((line) => fittingSize(doc, line, 'bold', base, textWidth))) };
  };
  const oneLine = [content.product];
  const twoLines = splitInTwo(content.product);
  const product = twoLines && sizeFor(twoLines).product > sizeFor(oneLine).product ? twoLines : oneLine;
  const { base, product: productSize } = sizeFor(product);
  const fitted = [
    ...product.map((text) => fitLine(doc, text, 'bold', productSize, textWidth)),
    ...content.details.map((text) =>
      fitLine(doc, text, 'regular', fittingSize(doc, text, 'regular', base * DETAIL_SCALE, textWidth), textWidth),
    ),
  ];
  const blockHeight = fitted.reduce((sum, line) => sum + line.size * LINE_SPACING, 0);
  let y = inset + (textHeight - blockHeight) / 2;
  const lines = fitted.map((line) => {
    const placed = { ...line, x: textX, y: y + (line.size * (LINE_SPACING - 1)) / 2 };
    y += line.size * LINE_SPACING;
    return placed;
  });
  return { qrOffset: inset, qrScale: qrSide / qrExtent, lines };
}

const widthOf = (doc: PDFKit.PDFDocument, text: string, font: FontName, size: number) => doc.font(font).fontSize(size).widthOfString(text);

/** The largest size up to `maxSize` at which the text fits the width, but not below the minimum. */
function fittingSize(doc: PDFKit.PDFDocument, text: string, font: FontName, maxSize: number, width: number): number {
  const natural = widthOf(doc, text, font, maxSize);
  // Width grows in proportion to size; a hair less keeps rounding from overflowing.
  return natural <= width ? maxSize : Math.max(MIN_FONT_SIZE, ((maxSize * width) / natural) * 0.999);
}

/** The text at this size, cut short with "…" when it is still too wide. */
function fitLine(doc: PDFKit.PDFDocument, text: string, font: FontName, size: number, width: number): Omit<TextLine, 'x' | 'y'> {
  if (widthOf(doc, text, font, size) <= width) return { text, font, size };
  const characters = Array.from(text);
  while (characters.length > 1 && widthOf(doc, `${characters.join('').trimEnd()}…`, font, size) > width) characters.pop();
  return { text: `${characters.join('').trimEnd()}…`, font, size };
}

/** The words in two lines of about equal length, or null for a single word. */
function splitInTwo(text: string): [string, string] | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  let best: [string, string] = [words[0]!, words.slice(1).join(' ')];
  for (let cut = 2; cut < words.length; cut++) {
    const candidate: [string, string] = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    if (Math.max(...candidate.map((part) => part.length)) < Math.max(...best.map((part) => part.length))) best = candidate;
  }
  return best;
}
