import { setPriority } from 'node:os';

interface ShopperJob {
  url: string;
  /** The views asked for: this followed by 0, 1, 2… below `count` - 1, then from 0 again (`count` - 1 warms up). */
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
// One view first, of a lot never asked for below: a phone's browser and a portal in service have
// their code warm, and this process's first fetch (and the portal's first view) would time start-up.
const warmUp = await view(job.count - 1);
if ('status' in warmUp) throw new Error(`bench consumer view refused: ${warmUp.status}`);
process.send!('ready');

/** A view of the lot numbered `n`: its wait in ms, or the status it was refused with. */
async function view(n: number): Promise<{ wait: number } | { status: number }> {
  const asked = performance.now();
  const response = await fetch(`${job.url}${job.pathPrefix}${n}`, { headers: { accept: 'application/json' } });
  await response.arrayBuffer();
  return response.status === 200 ? { wait: performance.now() - asked } : { status: response.status };
}

async function shop(): Promise<ShopperReport> {
  const waits: number[] = [];
  for (let n = 0; !stopped; n++) {
    const seen = await view(n % (job.count - 1));
    if ('status' in seen) return { error: `bench consumer view refused: ${seen.status}` };
    waits.push(seen.wait);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { waits, ownCpu };
}

const report = await shop().catch((error: Error): ShopperReport => ({ error: error.message }));
process.send!(report, () => process.disconnect());
