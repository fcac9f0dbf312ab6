import { errors, json, type Operation } from './operation-types.js';
import * as s from './schemas.js';

/** Health, readiness, metrics and this document (docs/deployment.md). */
export const opsOperations: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'ops',
    summary: 'The process is up',
    auth: 'none',
    responses: { 200: json('up', s.health) },
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'ops',
    summary: 'The database answers',
    auth: 'none',
    responses: { 200: json('ready', s.readiness), 503: json('the database does not answer', s.readiness) },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'ops',
    summary: 'Prometheus metrics of this process',
    description: 'With metricsToken in the configuration, only for Authorization: Bearer <metricsToken>.',
    auth: 'none',
    responses: { 200: { description: 'Prometheus text format 0.0.4', kind: 'text' }, ...errors(401) },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'ops',
    summary: 'This document',
    auth: 'none',
    responses: { 200: { description: 'OpenAPI 3.1', kind: 'json' } },
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'ops',
    summary: 'This document as a page',
    auth: 'none',
    responses: { 200: { description: 'HTML', kind: 'html' } },
  },
];

/** Served only in dev mode (`tokenvault serve` without a config file), and documented only there. */
export const devHomeOperation: Operation = {
  method: 'get',
  path: '/',
  tag: 'ops',
  summary: 'Dev mode: connect an account and copy a curl that reads its token',
  auth: 'none',
  responses: {
    200: { description: 'the page', kind: 'html' },
    302: { description: 'to the public URL, whose host the cookies belong to', kind: 'redirect' },
  },
};
