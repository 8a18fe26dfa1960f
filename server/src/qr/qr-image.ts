export interface QrCaption {
  product: string;
  lot: string;
  code: string;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The symbol's SVG with the human-readable product, lot and code under it. */
export function withCaption(symbol: string, size: number, caption: QrCaption): string {
  const inner = symbol.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(symbol);
  const modules = Number(viewBox?.[1] ?? 0);
  const lineHeight = modules / 14;
  const lines = [caption.product, `LOT ${caption.lot}`, caption.code];
  const height = modules + lineHeight * (lines.length + 0.5);
  const text = lines
    .map(
      (line, i) =>
        `<text x="${modules / 2}" y="${modules + lineHeight * (i + 0.6)}" font-size="${lineHeight * 0.8}" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" fill="#000">${escapeXml(line)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${Math.round((size * height) / modules)}" viewBox="0 0 ${modules} ${height}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/>${inner}${text}</svg>\n`;
}
