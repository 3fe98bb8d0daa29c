import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Compiled {
  sql: string;
  metadata: EntityMetadata;
  columns: ColumnMetadata[];
}

/**
 * A find by equal string columns (ids, keys) whose SQL is written once per data source, for the
 * reads every contact write makes. `manager.find` builds its SQL anew on every call (aliases,
 * property names replaced by regular expressions) and maps rows through the general-purpose
 * transformer: on the contact write path that was most of TypeORM's share of the API thread.
 * Here the rows become entities through the same driver conversions TypeORM uses
 * (`prepareHydratedValue`: dates, JSON, booleans, column transformers), so what comes back equals
 * what `manager.find` gives (test/compiled-find.e2e-spec.ts). Columns only; no relations.
 */
export class CompiledFind<E extends ObjectLiteral> {
  private readonly compiled = new WeakMap<DataSource, Compiled>();

  constructor(
    private readonly entity: EntityTarget<E>,
    private readonly where: readonly (keyof E & string)[],
    private readonly options: { select?: readonly (keyof E & string)[]; limit?: number } = {},
  ) {}

  /** The rows whose `where` columns equal `values`, in order; each value must be a string. */
  async many(manager: EntityManager, ...values: string[]): Promise<E[]> {
    values.forEach((value, index) => {
      // Like TypeORM's own guard here (hardening): never a query that matches everything or nothing by accident.
      if (typeof value !== 'string') throw new TypeError(`CompiledFind: ${this.where[index]} must be a string, got ${value === null ? 'null' : typeof value}`);
    });
    const { sql, metadata, columns } = this.compile(manager.connection);
    const rows = (await manager.query(sql, values)) as Record<string, unknown>[];
    const driver = manager.connection.driver;
    return rows.map((row) => {
      const entity = metadata.create() as E;
      columns.forEach((column, index) => column.setEntityValue(entity, driver.prepareHydratedValue(row[`c${index}`], column)));
      return entity;
    });
  }

  async one(manager: EntityManager, ...values: string[]): Promise<E | null> {
    return (await this.many(manager, ...values))[0] ?? null;
  }

  private compile(dataSource: DataSource): Compiled {
    const known = this.compiled.get(dataSource);
    if (known) return known;
    const metadata = dataSource.getMetadata(this.entity);
    const { driver } = dataSource;
    const columns = metadata.columns.filter((column) => !column.isVirtual && column.isSelect && (!this.options.select || this.options.select.includes(column.propertyName as keyof E & string)));
    const alias = driver.escape('e');
    const table = (metadata.schema ? `${driver.escape(metadata.schema)}.` : '') + driver.escape(metadata.tableName);
    const list = columns.map((column, index) => `${alias}.${driver.escape(column.databaseName)} AS ${driver.escape(`c${index}`)}`).join(', ');
    const conditions = this.where.map((property, index) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`CompiledFind: ${metadata.name} has no column ${property}`);
      return `${alias}.${driver.escape(column.databaseName)} = ${driver.createParameter(`p${index}`, index)}`;
    });
    const limit = this.options.limit ? ` LIMIT ${this.options.limit}` : '';
    const compiled = { sql: `SELECT ${list} FROM ${table} ${alias} WHERE ${conditions.join(' AND ')}${limit}`, metadata, columns };
    this.compiled.set(dataSource, compiled);
    return compiled;
  }
}
