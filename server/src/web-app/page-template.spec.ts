import { describe, expect, it } from '@jest/globals';
import { pageTemplate } from './page-template.js';

const SHELL = `<!doctype html>
<html lang="vi">
  <head>
    <meta name="description" content="Nguồn: tra cứu nguồn gốc" />
    <title>Nguồn</title>
    <script type="module" src="/assets/index.js"></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Vui lòng bật JavaScript.</noscript>
  </body>
</html>`;

const page = {
  head: '<title>Bưởi: lô $& 1</title>\n<meta name="description" content="Lô 1" />',
  root: '<p>$1 Bưởi</p>',
  dataScript: '<script id="page-data" type="application/json">{}</script>',
};

describe('pageTemplate', () => {
  it('puts the rendered page into index.html: language, head, root and data, nothing read as a pattern', () => {
    const html = pageTemplate(SHELL)!(page, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Bưởi: lô $& 1</title>');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"><p>$1 Bưởi</p></div>\n    <script id="page-data"');
    expect(html).toContain('<script type="module" src="/assets/index.js"></script>');
    expect(html).not.toContain('noscript');
  });

  it('declines a shell without a root element or a title (the browser then renders every page)', () => {
    expect(pageTemplate(SHELL.replace('<div id="root"></div>', '<div id="app"></div>'))).toBeNull();
    expect(pageTemplate(SHELL.replace('<title>Nguồn</title>', ''))).toBeNull();
  });
});
