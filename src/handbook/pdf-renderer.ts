import { mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { launch as launchProcess } from '@puppeteer/browsers';
import puppeteer, { type Browser, type ConnectionTransport, type Page, type PDFOptions } from 'puppeteer';
import { DomainError } from '../common/domain-error';
import { findOnPath, idleClassPrefix, niceThreads, schedulingClass } from '../common/thread-priority';

export interface PdfRenderOptions {
  largePrint?: boolean;
}

/** What the handbook needs from a PDF engine; tests and the Nest module can swap the implementation. */
export interface PdfRenderer {
  render(html: string, options?: PdfRenderOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** Too many prints waiting: code `busy`, so the API answers 429 and the officer tries again. */
export class RendererBusyError extends DomainError {
  constructor(readonly waiting: number) {
    super('busy', `The handbook printer is busy (${waiting} prints waiting). Try again in a moment.`, [], {
      'Retry-After': '2',
    });
    this.name = 'RendererBusyError';
  }
}

export class RenderTimeoutError extends DomainError {
  constructor(readonly timeoutMs: number) {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    // Printing gives way to everything else the server does, so a print this slow means a busy server.
    super('unavailable', `The handbook could not be printed within ${seconds} second${seconds === 1 ? '' : 's'} because the server is busy. Try again in a minute.`, [], {
      'Retry-After': '60',
    });
    this.name = 'RenderTimeoutError';
  }
}

export class RendererClosedError extends DomainError {
  constructor() {
    super('unavailable', 'The handbook printer has been shut down');
    this.name = 'RendererClosedError';
  }
}

/**
 * Flags for Debian's Chromium in a container: without the network-related ones it stalls at
 * start-up trying to reach Google services that do not exist here.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(smallSharedMemory() ? ['--disable-dev-shm-usage'] : []),
];

/**
 * Chromium shares memory between its processes through /dev/shm. Containers often give it only
 * 64 MB, too little for a print, and then it must use files in /tmp instead. Where /dev/shm is a
 * proper size that fallback only costs: the shared memory becomes disk writes that slow every
 * fsync of the database on the same disk (read p99 under printing went from about 2.5x idle to
 * about 1.3x when it stopped, bench/api.ts).
 */
function smallSharedMemory(): boolean {
  try {
    const { blocks, bsize } = statfsSync('/dev/shm');
    return blocks * bsize < 512 * 1024 * 1024;
  } catch {
    return true;
  }
}

export interface ChromiumPdfRendererOptions {
  executablePath?: string;
  /** Prints rendered at once. */
  concurrency?: number;
  /** Prints allowed to wait for a free slot; one more is refused with RendererBusyError. */
  maxQueue?: number;
  /** Per print, from the moment it gets a slot. */
  timeoutMs?: number;
  /** How long close() waits for Chromium to exit before killing it. */
  closeTimeoutMs?: number;
  extraArgs?: string[];
  /**
   * Run Chromium as a background job (default true): printing shares the cores with the API, and
   * the kernel should give the API the CPU first and Chromium what is left, so a print never
   * holds up an officer's request (see lowerPriority).
   */
  background?: boolean;
  /**
   * Keep Chromium in the server's session (default true; needs perl, see startChromium). False,
   * or without perl, it gets a session of its own and lowerPriority lowers that session instead.
   */
  sameSession?: boolean;
}

export interface ChromiumRendererStats {
  rendered: number;
  failed: number;
  timedOut: number;
  refusedBusy: number;
  /** Network requests attempted by printed pages; every one is aborted. */
  blockedRequests: number;
  launches: number;
  active: number;
  waiting: number;
  browserPid: number | null;
}

const SETTLE_GRACE_MS = 2_000;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export function defaultChromiumPath(): string {
  return process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
}

/**
 * One warm Chromium shared by all prints. Each print gets a page of its own, used once, with
 * JavaScript off and every network request refused, so a handbook can only ever show what is
 * in its own HTML. (A browser context per print would isolate no more here, since nothing can
 * run or load, and costs a renderer process start-up per print: about 2x the print time.)
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private readonly executablePath: string;
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly closeTimeoutMs: number;
  private readonly args: string[];
  private readonly background: boolean;
  private readonly sameSession: boolean;

  private browser: Browser | null = null;
  private readonly launched = new WeakMap<Browser, LaunchedChromium>();
  private spares: Array<Promise<Page>> = [];
  private sparesFor: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private closing: Promise<void> | null = null;
  private active = 0;
  private readonly waiters: Waiter[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly counters = { rendered: 0, failed: 0, timedOut: 0, refusedBusy: 0, blockedRequests: 0, launches: 0 };

  constructor(options: ChromiumPdfRendererOptions = {}) {
    this.executablePath = options.executablePath ?? defaultChromiumPath();
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.maxQueue = Math.max(0, options.maxQueue ?? 16);
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
    this.args = [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])];
    this.background = options.background ?? true;
    this.sameSession = options.sameSession ?? true;
  }

  /** Launch Chromium now, so the first family does not wait for it. */
  async start(): Promise<void> {
    const browser = await this.ensureBrowser();
    this.refillSpares(browser);
    await Promise.allSettled(this.spares);
  }

  stats(): ChromiumRendererStats {
    return {
      ...this.counters,
      active: this.active,
      waiting: this.waiters.length,
      browserPid: this.browserPid(),
    };
  }

  /** The pid of the running Chromium (also its process group), for monitoring and tests. */
  browserPid(): number | null {
    return (this.browser && this.launched.get(this.browser)?.child.pid) ?? null;
  }

  async render(html: string, options: PdfRenderOptions = {}): Promise<Buffer> {
    await this.acquireSlot();
    const job = this.renderWithOneRetry(html, options);
    this.inFlight.add(job);
    try {
      const pdf = await job;
      this.counters.rendered++;
      return pdf;
    } catch (error) {
      this.counters.failed++;
      throw error;
    } finally {
      this.inFlight.delete(job);
      this.releaseSlot();
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) waiter.reject(new RendererClosedError());
    await Promise.race([Promise.allSettled([...this.inFlight]), delay(this.closeTimeoutMs)]);
    await this.launching?.catch(() => undefined);
    // A page still opening when Chromium goes would leave puppeteer waiting 30 s for it.
    await withTimeout(Promise.allSettled(this.spares), SETTLE_GRACE_MS).catch(() => undefined);
    const browser = this.browser;
    this.browser = null;
    this.discardSpares(null);
    if (browser) await this.stopBrowser(browser);
  }

  private acquireSlot(): Promise<void> {
    if (this.closing) return Promise.reject(new RendererClosedError());
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiters.length >= this.maxQueue) {
      this.counters.refusedBusy++;
      return Promise.reject(new RendererBusyError(this.waiters.length));
    }
    return new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** The slot passes straight to the next waiter, so `active` never dips below the queue. */
  private releaseSlot(): void {
    const next = this.waiters.shift();
    if (next) next.resolve();
    else this.active--;
  }

  private async renderWithOneRetry(html: string, options: PdfRenderOptions): Promise<Buffer> {
    const browser = await this.ensureBrowser();
    try {
      return await this.renderOnce(browser, html, options);
    } catch (error) {
      // A print must not fail because Chromium died under it: try once more on a fresh one.
      if (error instanceof RenderTimeoutError || this.closing || browser.connected) throw error;
      return this.renderOnce(await this.ensureBrowser(), html, options);
    }
  }

  private async renderOnce(browser: Browser, html: string, options: PdfRenderOptions): Promise<Buffer> {
    let page: Page | undefined;
    let timer: NodeJS.Timeout | undefined;
    const print = async (): Promise<Buffer> => {
      page = await this.takePage(browser);
      await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
      return Buffer.from(await page.pdf({ ...handbookPdfOptions(options), timeout: this.timeoutMs }));
    };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderTimeoutError(this.timeoutMs)), this.timeoutMs);
    });
    const job = print();
    job.catch(() => undefined);
    try {
      const pdf = await Promise.race([job, timeout]);
      // The family's PDF is ready; closing the used page need not delay it.
      void page?.close().catch(() => undefined);
      this.refillSpares(browser);
      return pdf;
    } catch (error) {
      if (error instanceof RenderTimeoutError) this.counters.timedOut++;
      await this.disposeAfterFailure(browser, job, () => page);
      this.refillSpares(browser);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Each print gets a page no other print has used. Opening a page costs about as much as a
   * third of a print, so pages are opened and locked down (JavaScript off, every request
   * refused) ahead of time, while the renderer waits for work.
   */
  private takePage(browser: Browser): Promise<Page> {
    if (this.sparesFor !== browser) this.discardSpares(browser);
    return this.spares.shift() ?? this.preparePage(browser);
  }

  private refillSpares(browser: Browser): void {
    if (this.sparesFor !== browser) this.discardSpares(browser);
    while (this.spares.length < this.concurrency && !this.closing && browser.connected) {
      const page = this.preparePage(browser);
      page.catch(() => undefined);
      this.spares.push(page);
    }
  }

  private discardSpares(browser: Browser | null): void {
    for (const spare of this.spares.splice(0)) void spare.then((page) => page.close()).catch(() => undefined);
    this.sparesFor = browser;
  }

  private async preparePage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      this.counters.blockedRequests++;
      request.abort('blockedbyclient').catch(() => undefined);
    });
    return page;
  }

  /**
   * After a failure or timeout, puppeteer is first allowed to finish the step it is in: closing
   * a page under a pending newPage() leaves puppeteer waiting 30 s for a target that never
   * comes. A job that does not settle, or a page that will not close, means a wedged browser:
   * replace it rather than let the next prints queue behind it.
   */
  private async disposeAfterFailure(browser: Browser, job: Promise<unknown>, page: () => Page | undefined) {
    const settled = await withTimeout(
      job.then(
        () => true,
        () => true,
      ),
      SETTLE_GRACE_MS,
    ).catch(() => false);
    try {
      if (!settled) throw new StepTimeout('print did not stop after its timeout');
      await withTimeout(page()?.close() ?? Promise.resolve(), SETTLE_GRACE_MS);
    } catch (error) {
      if (!(error instanceof StepTimeout) || !browser.connected) return;
      if (this.browser === browser) this.browser = null;
      await this.stopBrowser(browser);
    }
  }

  private ensureBrowser(): Promise<Browser> {
    if (this.closing) return Promise.reject(new RendererClosedError());
    if (this.browser?.connected) return Promise.resolve(this.browser);
    this.launching ??= this.launch().finally(() => {
      this.launching = null;
    });
    return this.launching;
  }

  private async launch(): Promise<Browser> {
    const launched = await startChromium(this.executablePath, this.args, { sameSession: this.sameSession, idle: this.background });
    const { browser, child } = launched;
    this.launched.set(browser, launched);
    this.counters.launches++;
    // Born idle, only a session of its own (no perl) is left to lower; else the class or nice value too.
    if (this.background && launched.bornIdle) setSessionNiceness(child.pid, 19);
    else if (this.background) await lowerPriority(child.pid, 19);
    browser.on('disconnected', () => {
      if (this.browser !== browser) return;
      this.browser = null;
      killProcessGroup(child);
      if (!this.closing) void this.ensureBrowser().catch(() => undefined);
    });
    if (this.closing) {
      await this.stopBrowser(browser);
      throw new RendererClosedError();
    }
    this.browser = browser;
    return browser;
  }

  private async stopBrowser(browser: Browser): Promise<void> {
    const { child, profile } = this.launched.get(browser) ?? {};
    // In the idle class on a busy machine Chromium may wait a long time for the CPU it needs to
    // shut down, or even to die of SIGKILL: give it normal priority back first.
    if (this.background) await restorePriority(child?.pid);
    try {
      await withTimeout(browser.close(), this.closeTimeoutMs);
    } catch {
      // browser.close() hung or failed: fall through to the kill below.
    }
    killProcessGroup(child);
    await waitForGroupExit(child?.pid, this.closeTimeoutMs);
    // Also removed when Chromium exits, but that may come after this process has ended.
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
}

const LAUNCH_TIMEOUT_MS = 30_000;

/**
 * Makes the process it runs a process group of its own, then becomes the given program: Chromium
 * leads a group (one signal ends all its processes, see killProcessGroup) yet stays in the
 * server's session. Puppeteer's own launch starts Chromium in a new session, and Linux shares the
 * CPU between sessions before it looks at scheduling classes ("autogroups"): idle-class Chromium
 * in a session of its own still took half the cores from the API. In the server's session the
 * kernel lets a woken API thread run at once (bench/api.ts: loaded read p99 122 ms → 23 ms).
 */
const OWN_GROUP_SAME_SESSION = 'setpgrp(0, 0) or die "setpgrp: $!\\n"; exec { $ARGV[0] } @ARGV or die "exec $ARGV[0]: $!\\n"';

interface LaunchedChromium {
  browser: Browser;
  child: ChildProcess;
  /** Its temporary profile directory. */
  profile: string;
  /** Started in the idle class (chrt), so nothing is left for lowerPriority to move. */
  bornIdle: boolean;
}

/**
 * Starts Chromium with a temporary profile (removed when it exits) and connects to it over a pair
 * of pipes rather than a port: Chromium ends itself when its end of the pipe closes, so it goes
 * with the server even when the server is killed outright (kill -9, an out-of-memory kill), where
 * no shutdown code runs. Over a port it stayed behind, nine processes each time. With perl (part
 * of every Debian system) Chromium stays in the server's session; without it, it gets a session
 * of its own, as puppeteer would start it, and lowerPriority lowers that session instead.
 */
async function startChromium(executablePath: string, extraArgs: string[], how: { sameSession: boolean; idle: boolean }): Promise<LaunchedChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'liaison-chromium-'));
  const args = [...puppeteer.defaultArgs({ headless: true, args: extraArgs }), '--remote-debugging-pipe', `--user-data-dir=${profile}`];
  const perl = how.sameSession ? findOnPath('perl') : null;
  // Born in the idle class (see idleClassPrefix), where chrt is there.
  const idle = how.idle ? idleClassPrefix() : [];
  const command = [...(perl ? [perl, '-e', OWN_GROUP_SAME_SESSION] : []), ...idle, executablePath, ...args];
  const chromium = launchProcess({
    executablePath: command[0],
    args: command.slice(1),
    detached: !perl,
    env: process.env,
    pipe: true,
    // Shutdown is close()'s job (Nest calls it); the launcher's own handlers would exit the process.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    onExit: async () => rmSync(profile, { recursive: true, force: true }),
  });
  try {
    const { 3: toChromium, 4: fromChromium } = chromium.nodeProcess.stdio as unknown as Record<number, Writable & Readable>;
    const transport = new PipeTransport(toChromium, fromChromium);
    const browser = await withTimeout(puppeteer.connect({ transport, defaultViewport: { width: 800, height: 600 } }), LAUNCH_TIMEOUT_MS);
    return { browser, child: chromium.nodeProcess, profile, bornIdle: idle.length > 0 };
  } catch (error) {
    chromium.kill();
    throw error;
  }
}

/**
 * Chromium's DevTools protocol over --remote-debugging-pipe: each message is JSON followed by a
 * NUL byte, in both directions (what puppeteer's own launcher does, which it does not export).
 */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onEnd = () => this.onclose?.();

  constructor(
    private readonly toChromium: Writable,
    private readonly fromChromium: Readable,
  ) {
    fromChromium.on('data', this.onData);
    fromChromium.on('close', this.onEnd);
    // A broken pipe means Chromium has gone: 'close' follows and tells puppeteer.
    fromChromium.on('error', () => undefined);
    toChromium.on('error', () => undefined);
  }

  send(message: string): void {
    if (!this.closed) this.toChromium.write(`${message}\0`);
  }

  /** Puppeteer is done with the connection: nothing more is read or reported. */
  close(): void {
    this.closed = true;
    this.fromChromium.off('data', this.onData);
    this.fromChromium.off('close', this.onEnd);
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(0);
    while (end !== -1) {
      const message = Buffer.concat([...this.pending, chunk.subarray(start, end)]).toString('utf8');
      this.pending = [];
      // Puppeteer expects each message on a later turn of the event loop, as its own transports do.
      setImmediate(() => {
        if (!this.closed) this.onmessage?.(message);
      });
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }
}

/**
 * A4 with room for the page numbers, which the handbook's own CSS draws in the bottom margin
 * (`@page @bottom-center`). Tagged for screen readers; headings become bookmarks.
 */
export function handbookPdfOptions(options: PdfRenderOptions = {}): PDFOptions {
  return {
    format: 'A4',
    printBackground: true,
    margin: { top: '16mm', right: '16mm', bottom: options.largePrint ? '24mm' : '20mm', left: '16mm' },
    tagged: true,
    outline: true,
  };
}

/**
 * Puppeteer starts Chromium as the leader of its own process group, so killing the group also
 * ends the zygote and renderer children that a plain kill of the browser would orphan.
 */
export function killProcessGroup(child: ChildProcess | null | undefined): void {
  const pid = child?.pid;
  if (!pid) return;
  if (processGroupMembers(pid)?.length === 0) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Moves every thread of every process in Chromium's process group to the idle scheduling class
 * (SCHED_IDLE, with util-linux's chrt), so that printing only ever uses CPU the API is not using.
 * Processes Chromium starts later (a renderer per print, forked from the zygote) inherit the class.
 * A nice value alone is not enough: Chromium sets its renderers' nice values itself, but leaves
 * their scheduling class alone. Where chrt is missing, every thread is niced instead. Best effort:
 * without /proc (not Linux) nothing changes. Resolves with the number of processes moved.
 */
export async function lowerPriority(pgid: number | undefined, niceness: number): Promise<number> {
  if (!pgid || niceness <= 0) return 0;
  const members = processGroupMembers(pgid) ?? [];
  const moved = await Promise.all(members.map((pid) => schedulingClass(pid, '--idle').then((ok) => ok || niceThreads(pid, niceness))));
  setSessionNiceness(pgid, niceness);
  return moved.filter(Boolean).length;
}

/** Puts the group back in the normal scheduling class (where chrt is there); resolves when done. */
export async function restorePriority(pgid: number | undefined): Promise<void> {
  if (!pgid) return;
  await Promise.all((processGroupMembers(pgid) ?? []).map((pid) => schedulingClass(pid, '--other')));
  setSessionNiceness(pgid, 0);
}

/**
 * A process in a session of its own shares the CPU with the server's session as an equal
 * (the kernel's autogroups), whatever its scheduling class: lower the whole session's share.
 * Never the server's own session, which would lower the API with it. Best effort.
 */
function setSessionNiceness(pid: number | undefined, niceness: number): void {
  if (!pid) return;
  const session = sessionOf(pid);
  if (session === null || session === sessionOf(process.pid)) return;
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(niceness));
  } catch {
    // No autogroups in this kernel, or not allowed.
  }
}

function sessionOf(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[3]) : null;
}

/**
 * The fields of /proc/<pid>/stat after the parenthesised command name (state ppid pgrp session
 * ...), or null once the process has gone (or where there is no /proc).
 */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Waits until no live process is left in the group (or `ms` has passed). */
async function waitForGroupExit(pgid: number | undefined, ms: number): Promise<void> {
  if (!pgid) return;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && (processGroupMembers(pgid)?.length ?? 0) > 0) await delay(25);
}

/** Live pids whose process group is `pgid`, from /proc; null where there is no /proc. */
export function processGroupMembers(pgid: number): number[] | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    // Null when the process ended while we looked.
    const fields = statFields(entry);
    if (fields && Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
  }
  return members;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

class StepTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
