/**
 * What the servers do with the `server` part of every plan that reaches them from the network: the
 * experiment format's schema checks it, and the first problem is a PlanError naming its field
 * (`server.actual.status`), which the origin answers with 400 JSON.
 */
import { serverSchema, type ServerPlan } from '../format/schema.ts';
import { issueMessage, jsonPath } from '../format/experiment-error.ts';
import { PlanError } from '../plan/answer.ts';

export function checkedServerPlan(server: unknown): ServerPlan {
  const parsed = serverSchema.safeParse(server);
  const issue = parsed.error?.issues[0];
  if (issue) throw new PlanError(jsonPath(['server', ...issue.path]), issueMessage(issue));
  if (!parsed.success) throw new PlanError('server', 'invalid');
  return parsed.data;
}
