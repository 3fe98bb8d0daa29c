/**
 * The supervisor audit at national scale (issue 5). One run measures, on SQLite:
 *
 *   report    the 30-day missed-updates report of one team, first page and total, through
 *             findMissedUpdates — the query AuditService runs (p50 over repeated runs)
 *   count     SELECT count(*) FROM scheduled_updates, the baseline (p50)
 *   tenth     the same report on a database holding the most recent tenth of the same history
 *   plan      EXPLAIN QUERY PLAN of the report's queries
 *
 * and ends with one JSON line:
 *   {"cases","updates","contacts","p50Ms","countP50Ms","scaleRatio","planUsesIndex", …}
 * Targets: p50Ms ≤ 0.5 × countP50Ms; scaleRatio (full ÷ tenth) ≤ 1.5; the plan searches indexes
 * and scans none of the big tables.
 *
 *   npm run bench:audit [-- --full data/bench/national.sqlite --tenth data/bench/national-tenth.sqlite --runs 101]
 *
 * Either database is generated first if it is missing (npm run bench:data does the same).
 */
import { Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { findCompliance } from '../src/audit/compliance.query';
import { findMissedUpdates, missedUpdatesCountQuery, missedUpdatesQuery, MissedUpdatesCriteria } from '../src/audit/missed-updates.query';
import { buildDataSourceOptions } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { addCalendarDays } from '../src/rules';
import { DEFAULTS, generate } from './data-generator';

const TARGETS = { reportVsCount: 0.5, scaleRatio: 1.5 };

interface Options {
  full: string;
  tenth: string;
  runs: number;
  cases: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { full: 'data/bench/national.sqlite', tenth: 'data/bench/national-tenth.sqlite', runs: 101, cases: DEFAULTS.cases };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (flag === '--full') options.full = value;
    else if (flag === '--tenth') options.tenth = value;
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--cases') options.cases = Number(value);
    else throw new Error(`Unknown option ${flag}. Use --full FILE --tenth FILE --runs N --cases N (when generating)`);
  }
  return options;
}

async function ensureDatabase(file: string, historyFraction: number, cases: number): Promise<void> {
  if (existsSync(file) && existsSync(`${file}.json`)) return;
  process.stderr.write(`${file} is missing: generating it (${cases} cases, history fraction ${historyFraction})\n`);
  await generate({ ...DEFAULTS, cases, out: file, historyFraction });
}

async function openDatabase(file: string): Promise<{ dataSource: DataSource; today: string }> {
  const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { today: string };
  const dataSource = new DataSource(buildDataSourceOptions({ type: 'sqlite', location: file }));
  await dataSource.initialize();
  // A database generated before a newer migration (an index, say) gets it now, as the app would at start-up.
  const applied = await runMigrations(dataSource, { log: (message: string) => process.stderr.write(`${message}\n`) } as unknown as Logger);
  if (applied) process.stderr.write(`${file}: applied ${applied} pending migration(s)\n`);
  return { dataSource, today: meta.today };
}

/**
 * Median times of several measurements taken in turn (a, b, c, a, b, c…), after a warm-up, so a
 * machine that gets busier or quieter during the run affects each of them alike.
 */
async function interleavedP50(runs: number, work: Record<string, () => Promise<unknown>>): Promise<Record<string, number>> {
  const names = Object.keys(work);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -5; round < runs; round += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(k + Math.max(round, 0)) % names.length];
      const started = performance.now();
      await work[name]();
      if (round >= 0) times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = times[name].sort((a, b) => a - b);
      return [name, Math.round(sorted[Math.floor(sorted.length / 2)] * 1000) / 1000];
    }),
  );
}

async function plan(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string[]> {
  const rows: { detail: string }[] = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
  return rows.map((row) => row.detail);
}

/** Every step that touches a big table (by alias u, c, o or by name) searches an index; none scans. */
function usesIndexOnly(lines: string[]): boolean {
  const touching = lines.filter((line) => /^(SEARCH|SCAN) (u|r|c|o|scheduled_updates|contacts|cases)\b/.test(line));
  return touching.length > 0 && touching.every((line) => /^SEARCH \S+ USING (COVERING )?(INDEX|INTEGER PRIMARY KEY)/.test(line));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  await ensureDatabase(options.full, 1, options.cases);
  await ensureDatabase(options.tenth, 0.1, options.cases);
  const full = await openDatabase(options.full);
  const tenth = await openDatabase(options.tenth);
  if (full.today !== tenth.today) throw new Error(`The two databases have different report dates: ${full.today} and ${tenth.today}`);
  const today = full.today;
  const from = addCalendarDays(today, -29);

  const [counts] = await full.dataSource.query(
    `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM scheduled_updates) AS updates, (SELECT count(*) FROM contacts) AS contacts`,
  );
  const [tenthCounts] = await tenth.dataSource.query(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM scheduled_updates) AS updates`);
  // The busiest team in the window: the slowest report a supervisor can ask for (not timed).
  const [team] = await full.dataSource.query(
    `SELECT t.id AS id, t.name AS name, count(*) AS n FROM scheduled_updates u JOIN teams t ON t.id = u."teamId"
     WHERE u."dueDate" >= ? AND u."dueDate" <= ? GROUP BY t.id, t.name ORDER BY n DESC LIMIT 1`,
    [from, today],
  );
  const criteria: MissedUpdatesCriteria = { teamId: team.id, from, to: today, today };
  const page = { limit: 50, offset: 0 };
  const report = (dataSource: DataSource) => () => findMissedUpdates(dataSource.manager, criteria, page);

  const first = await findMissedUpdates(full.dataSource.manager, criteria, page);
  const tenthFirst = await findMissedUpdates(tenth.dataSource.manager, criteria, page);
  const sameAnswer = JSON.stringify(first) === JSON.stringify(tenthFirst);
  process.stderr.write(
    `full: ${counts.cases} cases, ${counts.updates} updates, ${counts.contacts} contacts; tenth: ${tenthCounts.cases} cases, ${tenthCounts.updates} updates\n` +
      `report: team ${team.name} (${team.n} updates due ${from}..${today}), ${first.total} missed or late; same rows on the tenth: ${sameAnswer}\n`,
  );

  const measured = await interleavedP50(options.runs, {
    count: () => full.dataSource.query('SELECT count(*) FROM scheduled_updates'),
    report: report(full.dataSource),
    tenth: report(tenth.dataSource),
    compliance: () => findCompliance(full.dataSource.manager, criteria),
  });
  const { count: countP50Ms, report: p50Ms, tenth: tenthP50Ms, compliance: complianceP50Ms } = measured;

  const [pageSql, pageParameters] = missedUpdatesQuery(full.dataSource.manager, criteria, page).getQueryAndParameters();
  const pagePlan = await plan(full.dataSource, pageSql, pageParameters);
  const [countSql, countParameters] = missedUpdatesCountQuery(full.dataSource.manager, criteria).getQueryAndParameters();
  const countPlan = await plan(full.dataSource, countSql, countParameters);
  const planUsesIndex = usesIndexOnly(pagePlan) && usesIndexOnly(countPlan);
  process.stderr.write(`plan (page):\n  ${pagePlan.join('\n  ')}\nplan (total):\n  ${countPlan.join('\n  ')}\n`);

  const scaleRatio = Math.round((p50Ms / tenthP50Ms) * 100) / 100;
  const reportVsCount = Math.round((p50Ms / countP50Ms) * 1000) / 1000;
  process.stderr.write(
    `p50: report ${p50Ms} ms, count(*) ${countP50Ms} ms (report/count ${reportVsCount}, target ≤ ${TARGETS.reportVsCount}); ` +
      `tenth ${tenthP50Ms} ms (ratio ${scaleRatio}, target ≤ ${TARGETS.scaleRatio}); compliance ${complianceP50Ms} ms\n`,
  );
  await full.dataSource.destroy();
  await tenth.dataSource.destroy();
  process.stdout.write(
    `${JSON.stringify({
      cases: Number(counts.cases),
      updates: Number(counts.updates),
      contacts: Number(counts.contacts),
      p50Ms,
      countP50Ms,
      scaleRatio,
      planUsesIndex,
      tenthP50Ms,
      tenthUpdates: Number(tenthCounts.updates),
      reportVsCount,
      complianceP50Ms,
      rows: first.total,
    })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
