import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source';

/** For the TypeORM CLI only (`npm run typeorm -- migration:generate …`): the app's own definition, from the environment. */
export default new DataSource(buildDataSourceOptions(loadConfig(process.env).database));
