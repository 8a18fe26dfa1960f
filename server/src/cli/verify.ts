import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { LogVerifier, type SavedTreeHead } from './log-verifier.js';

/**
 * `npm run verify -- --portal https://... [--head saved.json] [--batch <id> | --business <id> | --all] [--save saved.json] [--lang en]`:
 * checks the portal's transparency log against a tree head saved earlier (see LogVerifier), and
 * saves the head it checked for next time. Exits 1 at the first inconsistency, 2 on a usage error.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      portal: { type: 'string' },
      head: { type: 'string' },
      batch: { type: 'string' },
      business: { type: 'string' },
      all: { type: 'boolean' },
      save: { type: 'string' },
      lang: { type: 'string', default: 'vi' },
    },
  });
  const lang = values.lang === 'en' ? 'en' : 'vi';
  if (!values.portal) {
    console.error(
      'usage: npm run verify -- --portal https://truyxuat.example.vn [--head saved.json] [--batch <id> | --business <id> | --all] [--save saved.json] [--lang en]',
    );
    return 2;
  }
  const saved = values.head ? (JSON.parse(await readFile(values.head, 'utf8')) as SavedTreeHead) : null;
  if (!saved)
    console.warn(
      lang === 'vi'
        ? 'Chưa có đầu cây đã lưu (--head): tin khóa mà cổng công bố ở lần đầu này.'
        : 'No saved tree head (--head): trusting the key the portal publishes, this first time.',
    );
  const waiting = (seconds: number) =>
    console.warn(
      lang === 'vi'
        ? `Cổng giới hạn số yêu cầu: chờ ${seconds} giây rồi kiểm tra tiếp.`
        : `The portal limits requests: waiting ${seconds} s, then going on.`,
    );
  const finding = await new LogVerifier(values.portal.replace(/\/+$/, ''), saved, waiting).check({
    batchId: values.batch,
    businessId: values.business,
    all: values.all,
  });
  if (!finding.ok) {
    console.error(`${lang === 'vi' ? 'KHÔNG KHỚP' : 'INCONSISTENT'}: ${finding.problem[lang]}`);
    return 1;
  }
  console.log(`${lang === 'vi' ? 'KHỚP' : 'CONSISTENT'}: ${finding.summary[lang]}`);
  if (values.save && finding.head) {
    const head: SavedTreeHead = {
      checkpoint: finding.head.checkpoint,
      verifierKey: finding.head.verifierKey,
      savedAt: new Date().toISOString(),
    };
    await writeFile(values.save, `${JSON.stringify(head, null, 2)}\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
