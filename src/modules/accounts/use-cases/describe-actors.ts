import { AppError } from '../../../errors.ts';
import { tokenNames, userNames } from '../accounts.repository.ts';
import type { UseCaseContext } from '../context.ts';

/** The most labels described at once (a page of the audit log or one application's history is far fewer). */
const MAX_LABELS = 1_000;

const SYSTEM_ACTORS: Readonly<Record<string, string>> = { scheduler: '每日定时任务', portal: '门户', cli: '命令行', demo: '示范数据' };

/**
 * Who acted, for people: the labels stored with audit entries and application events (`user:12`, `token:3`,
 * `system:scheduler`, `public`) become `李四（lisi）`, `接口令牌“OA对接”`, `系统（每日定时任务）`, `公众（网上提交）`. Staff only;
 * a label that names no known account stays as it is.
 */
export async function describeActors(ctx: UseCaseContext, labels: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (ctx.actor.kind === 'public') throw new AppError('access.denied', '无权查看办理人员。');
  const distinct = [...new Set(labels)].slice(0, MAX_LABELS);
  const idsOf = (prefix: string) => distinct.flatMap((l) => (l.startsWith(prefix) && /^\d{1,10}$/.test(l.slice(prefix.length)) ? [Number(l.slice(prefix.length))] : []));
  const [users, tokens] = await Promise.all([userNames(ctx.db, idsOf('user:')), tokenNames(ctx.db, idsOf('token:'))]);
  const names = new Map<string, string>();
  for (const u of users) names.set(`user:${u.id}`, `${u.display_name}（${u.username}）`);
  for (const t of tokens) names.set(`token:${t.id}`, `接口令牌“${t.name}”`);
  for (const label of distinct) {
    if (label === 'public') names.set(label, '公众（网上提交）');
    else if (label.startsWith('system:')) names.set(label, `系统（${SYSTEM_ACTORS[label.slice(7)] ?? label.slice(7)}）`);
    else if (!names.has(label)) names.set(label, label);
  }
  return names;
}
