import { EntityTarget, ObjectLiteral } from 'typeorm';
import { Case } from '../src/cases/case.entity';
import { Contact } from '../src/contacts/contact.entity';
import { IdempotencyKey } from '../src/contacts/idempotency-key.entity';
import { CompiledFind } from '../src/database/compiled-find';
import { Milestone } from '../src/milestones/milestone.entity';
import { ForceSettings } from '../src/settings/force-settings.entity';
import { ScheduledUpdate } from '../src/updates/scheduled-update.entity';
import { UpdateDecline } from '../src/updates/update-decline.entity';
import { WellbeingCheck } from '../src/wellbeing/wellbeing-check.entity';
import { asUser } from './support/case-api';
import { createTestApp, TEST_ENGINE, TestApp } from './support/test-app';

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/**
 * CompiledFind must give exactly what manager.find gives (same classes, same values and types:
 * dates, JSON, booleans, nulls), on the demo data, which has every kind of record the contact
 * write reads.
 */
describe(`CompiledFind (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let caseIds: string[];
  let newCaseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const officer = asUser(t, await t.login('officer1'));
    const kase = await officer.createCase({ arrestDate: '2026-01-05' });
    newCaseId = kase.id;
    await officer
      .post(`/api/cases/${kase.id}/contacts`, { occurredAt: '2026-01-06T10:00:00.000Z', method: 'phone', outcome: 'spoke', summary: 'First call', topicsCovered: ['bail'] })
      .set('Idempotency-Key', 'compiled-find-1')
      .expect(201);
    caseIds = (await t.dataSource.manager.find(Case)).map((c) => c.id);
  });
  afterAll(() => t?.close());

  const perCase: [string, EntityTarget<ObjectLiteral & { id: string }>][] = [
    ['milestones', Milestone],
    ['contacts', Contact],
    ['wellbeing checks', WellbeingCheck],
    ['declines', UpdateDecline],
    ['scheduled updates', ScheduledUpdate],
  ];

  it.each(perCase)('reads a case’s %s as manager.find does', async (_name, entity) => {
    const manager = t.dataSource.manager;
    const find = new CompiledFind(entity, ['caseId']);
    let rows = 0;
    for (const caseId of caseIds) {
      const expected = await manager.find(entity, { where: { caseId } });
      const actual = await find.many(manager, caseId);
      expect(byId(actual)).toStrictEqual(byId(expected));
      rows += expected.length;
    }
    expect(rows).toBeGreaterThan(0);
  });

  it('reads a case, the settings row and an Idempotency-Key as findOne does', async () => {
    const manager = t.dataSource.manager;
    const oneCase = new CompiledFind(Case, ['id'], { limit: 1 });
    for (const id of caseIds) {
      const found = await oneCase.one(manager, id);
      expect(found).toBeInstanceOf(Case);
      expect(found).toStrictEqual(await manager.findOne(Case, { where: { id } }));
    }
    expect(await new CompiledFind(ForceSettings, ['id'], { limit: 1 }).one(manager, 'force')).toStrictEqual(await manager.findOne(ForceSettings, { where: { id: 'force' } }));
    const [stored] = await manager.find(IdempotencyKey, { where: { key: 'compiled-find-1' } });
    expect(stored).toBeDefined();
    const key = await new CompiledFind(IdempotencyKey, ['officerId', 'key'], { limit: 1 }).one(manager, stored.officerId, 'compiled-find-1');
    expect(key).toStrictEqual(stored);
    expect(await oneCase.one(manager, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('reads only the columns asked for', async () => {
    const contacts = await new CompiledFind(Contact, ['caseId'], { select: ['id', 'occurredAt'] }).many(t.dataSource.manager, newCaseId);
    const all = await t.dataSource.manager.find(Contact, { where: { caseId: newCaseId }, select: { id: true, occurredAt: true } });
    expect(contacts).toHaveLength(1);
    expect(byId(contacts)).toStrictEqual(byId(all));
    for (const contact of contacts) expect(Object.keys(contact).sort()).toEqual(['id', 'occurredAt']);
  });

  it('refuses a value that is not a string rather than match nothing or everything', async () => {
    const find = new CompiledFind(Case, ['id']);
    await expect(find.many(t.dataSource.manager, null as unknown as string)).rejects.toThrow('id must be a string, got null');
    await expect(find.many(t.dataSource.manager, undefined as unknown as string)).rejects.toThrow('id must be a string, got undefined');
  });
});
