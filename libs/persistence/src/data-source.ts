import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@lawgate/config';
import { buildDataSourceOptions } from './data-source.options';

/** The data source the TypeORM CLI uses (`npm run migration:*`); the apps build theirs from the same options. */
export const AppDataSource = new DataSource(buildDataSourceOptions(loadConfig()));
