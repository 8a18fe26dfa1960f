import { LABEL_TEMPLATES, labelSheetPages } from '@nguon/shared';

const LABELS = 1000;
const ROUNDS = 3;

/**
 * `GET /api/batches/{id}/labels.pdf` for 1,000 labels on each sheet template, read to the end as
 * a download would be: access check, batch, layout, vector QR, font subset, streamed PDF.
 */
export async function benchLabels(url: string, owner: { email: string; password: string }, batchId: string): Promise<void> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  const { accessToken: token } = (await login.json()) as { accessToken: string };
  const sheet = (template: string) =>
    fetch(`${url}/api/batches/${batchId}/labels.pdf?template=${template}&count=${LABELS}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  // Once untimed, to warm up.
  await (await sheet(LABEL_TEMPLATES[0].id)).arrayBuffer();
  const rows = [];
  for (const template of LABEL_TEMPLATES) {
    let ms = 0;
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const response = await sheet(template.id);
      bytes = (await response.arrayBuffer()).byteLength;
      ms += performance.now() - started;
      if (response.status !== 200) throw new Error(`bench labels failed: ${response.status}`);
    }
    rows.push({
      template: template.id,
      pages: labelSheetPages(template, LABELS),
      'ms for 1,000 labels': Math.round(ms / ROUNDS),
      'labels/s': Math.round((LABELS * ROUNDS) / (ms / 1000)),
      'PDF kB': Math.round(bytes / 1024),
    });
  }
  console.log(`Label sheet PDFs of ${LABELS} labels over HTTP (vector QR as one form XObject, DejaVu Sans subset), mean of ${ROUNDS}:`);
  console.table(rows);
}
