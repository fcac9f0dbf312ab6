import type { FlowStore } from '@tokenvault/core';
import type { Kysely } from 'kysely';
import { flowFromDb, flowToDb } from './rows.js';
import type { Database } from './schema.js';

/** Pending authorization requests; `takeFlow` is one DELETE … RETURNING, so a flow completes once. */
export function createFlowStore(db: Kysely<Database>): FlowStore {
  return {
    async insertFlow(flow) {
      await db.insertInto('auth_flows').values(flowToDb(flow)).execute();
    },
    async takeFlow(id) {
      const row = await db.deleteFrom('auth_flows').where('id', '=', id).returningAll().executeTakeFirst();
      return row && flowFromDb(row);
    },
  };
}
