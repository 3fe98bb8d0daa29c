/**
 * bench/api.ts's background load, in a worker thread of its own: a full audit report and two
 * handbook prints, each in its own loop, until told to stop. It runs apart from the autocannon
 * client that measures the read latencies, so that reading the reports' and PDFs' bytes never
 * delays the measuring client's own event loop (which would count as server latency).
 *
 * workerData: { base, supervisor, officer, caseIds, firstPrint, only }
 * Messages: 'stop' in; { reports, prints, failures, nextPrint } out, once the loops have stopped.
 */
const { parentPort, workerData } = require('node:worker_threads');

const { base, supervisor, officer, caseIds, firstPrint, only } = workerData;
let stopping = false;
let reports = 0;
let prints = 0;
let failures = 0;
let nextPrint = firstPrint;

const to = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);

async function get(url, token) {
  try {
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) failures += 1;
  } catch {
    failures += 1;
  }
}

async function reportLoop() {
  while (!stopping) {
    await get(`/api/audit/missed-updates?from=${from}&to=${to}&pageSize=500`, supervisor);
    await get(`/api/audit/compliance?from=${from}&to=${to}`, supervisor);
    reports += 1;
  }
}

// Each print a different handbook (case, type size), so the PDF cache does not answer it; the
// count carries on across rounds (firstPrint / nextPrint).
async function printLoop() {
  while (!stopping) {
    const n = nextPrint++;
    await get(`/api/cases/${caseIds[n % caseIds.length]}/handbook.pdf?largePrint=${Math.floor(n / caseIds.length) % 2 === 1}`, officer);
    prints += 1;
  }
}

// only = 'reports' or 'prints' runs only that half, to see which one moves the p99.
const loops = [...(only !== 'prints' ? [reportLoop()] : []), ...(only !== 'reports' ? [printLoop(), printLoop()] : [])];

parentPort.once('message', async () => {
  stopping = true;
  await Promise.all(loops);
  parentPort.postMessage({ reports, prints, failures, nextPrint });
});
