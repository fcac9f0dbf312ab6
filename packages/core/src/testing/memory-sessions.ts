import type { FlowStore, SessionStore } from '../store.js';
import { checkAudit, copy, refuseDuplicate, type Tables, writeAudit } from './memory-tables.js';

/** Pending authorization requests; taking one deletes it, so a flow completes once. */
export function memoryFlowStore(tables: Tables): FlowStore {
  const { flows } = tables;
  return {
    async insertFlow(flow) {
      refuseDuplicate(flows.has(flow.id), `flow ${flow.id}`);
      flows.set(flow.id, copy(flow));
    },
    async takeFlow(id) {
      const flow = flows.get(id);
      flows.delete(id);
      return flow;
    },
  };
}

/** Browser sessions, and connect sessions, each taken (deleted and returned) once. */
export function memorySessionStore(tables: Tables): SessionStore {
  const { sessions, connectSessions } = tables;
  return {
    async insertSession(session) {
      refuseDuplicate(sessions.has(session.id), `session ${session.id}`);
      sessions.set(session.id, copy(session));
    },
    async getSession(id) {
      const session = sessions.get(id);
      return session && copy(session);
    },
    async deleteSession(id) {
      sessions.delete(id);
    },
    async insertConnectSession(session, audit) {
      refuseDuplicate(connectSessions.has(session.id), `connect session ${session.id}`);
      checkAudit(tables, audit);
      connectSessions.set(session.id, copy(session));
      writeAudit(tables, audit);
    },
    async takeConnectSession(id) {
      const session = connectSessions.get(id);
      connectSessions.delete(id);
      return session;
    },
  };
}
