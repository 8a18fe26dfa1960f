const ROUNDS = 3;

/**
 * QR images over HTTP: what one drawing costs (cold), and whether the portal keeps answering
 * while large ones are drawn (they run on worker threads); cache hits are measured under load
 * by the caller. Large sizes are for members of the batch's business, hence the owner's sign-in.
 */
export async function benchQr(url: string, owner: { email: string; password: string }, batchIds: string[]): Promise<void> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  const { accessToken: token } = (await login.json()) as { accessToken: string };
  const image = async (batchId: string, query: string) => {
    const started = performance.now();
    const response = await fetch(`${url}/api/batches/${batchId}/qr.png?${query}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`bench QR failed: ${response.status}`);
    return { ms: performance.now() - started, cache: response.headers.get('x-cache') };
  };
  const rows = [];
  for (const query of ['size=512&ecc=M', 'size=1024&ecc=M', 'size=4096&ecc=H']) {
    const cold = [];
    for (let round = 0; round < ROUNDS; round++) cold.push((await image(batchIds[round]!, query)).ms);
    const hit = await image(batchIds[0]!, query);
    rows.push({
      image: `PNG ${query}`,
      'cold ms (mean of 3)': Math.round(cold.reduce((a, b) => a + b) / ROUNDS),
      'cached ms': Math.round(hit.ms * 10) / 10,
      'x-cache': hit.cache,
    });
  }
  console.log('QR images, one request at a time:');
  console.table(rows);

  // Four 4096 px level-H images at once (seconds of CPU) while /api/health is asked every 50 ms.
  const renders = batchIds.slice(3, 7).map((id) => image(id, 'size=4096&ecc=H'));
  let rendering = true;
  void Promise.all(renders).finally(() => {
    rendering = false;
  });
  const latencies: number[] = [];
  while (rendering) {
    const started = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `/api/health while four 4096 px level-H QR images were drawn: ${latencies.length} requests, median ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
}
