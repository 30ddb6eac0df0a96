import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../libs/persistence/src/data-source.options';

/** What the global setup prepared for this run. */
export function testEnv(): { databaseUrl: string; temporalAddress: string; workflowBundlePath: string } {
  const databaseUrl = process.env.DATABASE_URL;
  const temporalAddress = process.env.TEMPORAL_ADDRESS;
  const workflowBundlePath = process.env.WORKFLOW_BUNDLE_PATH;
  if (!databaseUrl || !temporalAddress || !workflowBundlePath) {
    throw new Error('Run the tests through jest so that the global setup prepares PostgreSQL and Temporal');
  }
  return { databaseUrl, temporalAddress, workflowBundlePath };
}

export async function openTestDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: testEnv().databaseUrl, DATABASE_POOL_SIZE: 4, DATABASE_SSL: false }),
    logging: ['error'],
  });
  return dataSource.initialize();
}

/** A unique suffix for business keys, so tests never collide on shared tables. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
