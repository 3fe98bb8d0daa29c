import { createTestApp, TEST_ENGINE, TestApp } from './support/test-app';

/**
 * The entities and the migration set of the engine under test must describe the same schema:
 * after all migrations, TypeORM must find nothing to change. (npm test runs this on SQLite and on
 * PostgreSQL, so both migration sets are held to the entities.)
 */
describe(`schema drift (${TEST_ENGINE})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('has no difference between the entities and the migrations', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no pending migration after start-up', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
  });
});
