import { setPriority } from 'node:os';

interface ShopperJob {
  url: string;
  /** The views asked for: this followed by 0, 1, 2… up to `count`, then from 0 again. */
  pathPrefix: string;
  count: number;
}

/** What the shopper saw: each view's wait in ms, or why a view failed. */
export type ShopperReport = { waits: number[]; ownCpu: boolean } | { error: string };

/**
 * A shopper's phone in a process of its own: consumer views one after another, 20 ms apart, from
 * when it says it is ready until the parent says stop; the waits go back over IPC. Run beside the
 * bench's own downloads (an export's megabytes read in the bench's process), its clock is not held
 * by them, as a phone's is not by another machine's download. The job comes as JSON in argv.
 */
const job = JSON.parse(process.argv[2] ?? '{}') as ShopperJob;
/** A phone has a CPU of its own: on this machine the shopper goes first, where the system lets it (as root). */
const PHONE_PRIORITY = -10;
let ownCpu = true;
try {
  setPriority(PHONE_PRIORITY);
} catch {
  ownCpu = false;
}
let stopped = false;
process.once('message', () => (stopped = true));
process.send!('ready');

async function shop(): Promise<ShopperReport> {
  const waits: number[] = [];
  for (let n = 0; !stopped; n++) {
    const asked = performance.now();
    const response = await fetch(`${job.url}${job.pathPrefix}${n % job.count}`, { headers: { accept: 'application/json' } });
    await response.arrayBuffer();
    if (response.status !== 200) return { error: `bench consumer view refused: ${response.status}` };
    waits.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { waits, ownCpu };
}

const report = await shop().catch((error: Error): ShopperReport => ({ error: error.message }));
process.send!(report, () => process.disconnect());
