import { load } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderer } from '../../src/modules/annual-report/render/index.ts';
import { testDatabases } from '../support/databases.ts';
import { HOSTILE, usePortal } from './portal-fixture.ts';

/** Every page the public can reach without posting anything. */
function publicPages(items: { budget: number }, year: number): string[] {
  return [
    '/',
    '/checker',
    '/status',
    '/a/demo-czj',
    '/a/demo-czj/guide',
    '/a/demo-czj/rules',
    '/a/demo-czj/catalogue',
    `/a/demo-czj/items/${items.budget}`,
    '/a/demo-czj/search?q=预算',
    '/a/demo-czj/reports',
    `/a/demo-czj/reports/${year}`,
    '/a/demo-czj/apply',
    '/a/demo-czj/apply?type=organisation',
    '/a/demo-city',
  ];
}

afterAll(closeRenderer);

describe.each(testDatabases())('the public portal pages ($name)', (target) => {
  const portal = usePortal(target);
  const get = (url: string) => portal.app.inject({ url });

  it('serves every page in Chinese with a skip link, one h1 and no asset or link from outside the server', async () => {
    for (const url of publicPages(portal.world.items, portal.world.reportYear)) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const $ = load(res.body);
      expect($('html').attr('lang'), url).toBe('zh-CN');
      expect($('a.skip').attr('href'), url).toBe('#main');
      expect($('main#main').length, url).toBe(1);
      expect($('h1').length, url).toBe(1);
      expect($('meta[name=viewport]').length, url).toBe(1);
      expect(res.body, url).not.toMatch(/(?:src|href|action)\s*=\s*["']?(?:https?:)?\/\//i);
      expect(res.body, url).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\//i);
      // the one stylesheet and no script file, both from this server's own path
      expect($('script[src]').length, url).toBe(0);
      expect($('link[rel=stylesheet]').map((_, l) => $(l).attr('href')).get(), url).toEqual([expect.stringMatching(/^\/assets\/site\.css\?v=/)]);
    }
  });

  it('lists the agencies on the home page and still offers the report checker there', async () => {
    const $ = load((await get('/')).body);
    expect($('a[href="/a/demo-czj"]').text()).toBe('示范市财政局');
    expect($('a[href="/a/demo-city"]').text()).toBe('示范市人民政府');
    expect($('a[href="/checker"]').length).toBeGreaterThan(0);
  });

  it('shows the disclosure guide with the office, the channels and the fee bands of the 2020 办法', async () => {
    const body = (await get('/a/demo-czj/guide')).body;
    for (const text of ['示范市人民路1号', '工作日 9:00-17:00', '0599-83601234', '国办函〔2020〕109号', '每件100元', '第31至100页', '每页10元', '20个工作日']) {
      expect(body).toContain(text);
    }
  });

  it('lists published items only, with the Art. 20 columns and their counts', async () => {
    const $ = load((await get('/a/demo-czj/catalogue')).body);
    const titles = $('table.list tbody tr td:nth-child(2)').map((_, el) => $(el).text()).get();
    expect(titles).toContain('示范市财政局2025年部门预算公开说明');
    expect(titles).not.toContain('尚未发布的预算草稿');
    expect($('ul.columns li').length).toBe(15);
    expect($('ul.columns li').eq(6).text()).toContain('（1条）'); // Art. 20(7) budgets: the draft is not counted
  });

  it('filters the catalogue by category, year, issuing body and validity', async () => {
    const titles = async (query: string) => {
      const $ = load((await get(`/a/demo-czj/catalogue?${query}`)).body);
      return $('table.list tbody tr td:nth-child(2)').map((_, el) => $(el).text()).get();
    };
    expect(await titles('category=9')).toEqual(['2025年政府集中采购目录及标准']);
    expect(await titles('year=2025')).toHaveLength(3);
    expect(await titles('year=2019')).toEqual([]);
    expect(await titles(`issuingBody=${encodeURIComponent('示范市人民政府办公室')}`)).toEqual(['2025年政府集中采购目录及标准']);
    expect(await titles('validity=expired')).toEqual(['2025年政府集中采购目录及标准']);
    expect(await titles('category=99&year=abc&validity=<x>&page=-1')).toHaveLength(3);
  });

  it('shows an item with its metadata table; a draft or another agency’s item is 404', async () => {
    const { items } = portal.world;
    const $ = load((await get(`/a/demo-czj/items/${items.budget}`)).body);
    const meta = Object.fromEntries($('table.meta tr').map((_, tr) => [[$(tr).find('th').text(), $(tr).find('td').text()]]).get() as [string, string][]);
    expect(meta['索引号']).toMatch(/\S/);
    expect(meta['发布机构']).toBe('示范市财政局');
    expect(meta['成文日期']).toBe('2025年3月3日');
    expect(meta['发布日期']).toBe('2025年3月10日');
    expect(meta['文号']).toBe('示财〔2025〕3号');
    expect(meta['有效性']).toBe('有效');
    for (const url of [`/a/demo-czj/items/${items.draft}`, `/a/demo-city/items/${items.budget}`, '/a/demo-czj/items/abc', '/a/demo-czj/items/999999']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('该信息不存在或已不再公开');
    }
  });

  it('escapes script stored in an item’s title, body and issuing body wherever it shows', async () => {
    const { items } = portal.world;
    for (const url of [`/a/demo-czj/items/${items.hostile}`, '/a/demo-czj/catalogue', '/a/demo-czj', '/a/demo-czj/search?q=采购']) {
      const body = (await get(url)).body;
      expect(body, url).not.toContain(HOSTILE);
      expect(body, url).toContain('&lt;script>');
    }
  });

  it('finds a two-character word, highlights it and pages the results', async () => {
    const $ = load((await get('/a/demo-czj/search?q=预算')).body);
    const hits = $('ol.result-list > li');
    expect(hits.length).toBe(1); // the draft is not searched
    expect(hits.first().find('a mark').first().text()).toBe('预算');
    const page2 = load((await get('/a/demo-czj/search?q=预算&page=2')).body);
    expect(page2('ol.result-list > li').length).toBe(0);
    expect(page2('a[rel=prev]').attr('href')).toContain('page=1');
  });

  it('says in Chinese why a one-character query finds nothing, and escapes the query', async () => {
    const short = await get('/a/demo-czj/search?q=预');
    expect(short.statusCode).toBe(400);
    expect(load(short.body)('#q-error').text()).toMatch(/至少两个字/);
    const hostile = await get(`/a/demo-czj/search?q=${encodeURIComponent(HOSTILE)}`);
    expect(hostile.body).not.toContain(HOSTILE);
    expect(load(hostile.body)('#q').val()).toBe(HOSTILE);
  });

  it('lists the published annual report, shows it as a page and offers Word, Excel and PDF', async () => {
    const list = load((await get('/a/demo-czj/reports')).body);
    expect(list('a[href="/a/demo-czj/reports/2024"]').text()).toContain('2024年政府信息公开工作年度报告');
    const page = load((await get('/a/demo-czj/reports/2024')).body);
    expect(page('article.report table[data-table=applications]').length).toBe(1);
    const docx = await get('/a/demo-czj/reports/2024/download/docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(String(docx.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const xlsx = await get('/a/demo-czj/reports/2024/download/xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await get('/a/demo-czj/reports/2024/download/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const url of ['/a/demo-czj/reports/2023', '/a/demo-czj/reports/x', '/a/demo-czj/reports/2024/download/exe']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('switches to larger text with a plain link and remembers it in a cookie', async () => {
    const first = await get('/a/demo-czj/guide?text=large');
    expect(load(first.body)('html').hasClass('large')).toBe(true);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe('gk_text=large');
    const later = await portal.app.inject({ url: '/status', headers: { cookie } });
    const $ = load(later.body);
    expect($('html').hasClass('large')).toBe(true);
    expect($('header a[href="/status?text=normal"]').text()).toBe('标准字号');
  });

  it('answers an unknown page and an unknown agency with a Chinese 404 page', async () => {
    for (const url of ['/nowhere', '/a/nobody', '/a/nobody/catalogue']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(load(res.body)('h1').text()).toBe('页面不存在');
    }
  });
});
