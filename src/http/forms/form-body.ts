/**
 * A URL-encoded form body as the nested object the zod schemas read: `applicant.name=张三` becomes
 * `{ applicant: { name: '张三' } }`. Empty fields are left out, so a blank optional field is "not given" and a blank
 * required field gets the schema's own "请填写…" message.
 */
export type FormBody = Record<string, unknown>;

const SAFE_KEY = /^[A-Za-z][A-Za-z0-9]*$/;

export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body === null || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    // a field sent twice arrives as an array: the first value counts
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

export function nestFields(fields: Readonly<Record<string, string>>, skip: readonly string[] = []): FormBody {
  const root: FormBody = {};
  for (const [name, value] of Object.entries(fields)) {
    if (skip.includes(name) || value.trim() === '') continue;
    const parts = name.split('.');
    if (!parts.every((p) => SAFE_KEY.test(p))) continue; // never __proto__ and the like
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === undefined || typeof next !== 'object') node[part] = {};
      node = node[part] as FormBody;
    }
    node[parts.at(-1)!] = value;
  }
  return root;
}
