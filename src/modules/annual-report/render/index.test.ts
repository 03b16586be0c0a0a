import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderer, createPdfRenderer, parseReportJson, renderReport, RENDER_TARGETS } from './index.ts';
import { sampleReport } from './render-test-support.ts';

afterAll(async () => closeRenderer());

describe('renderReport', () => {
  const report = sampleReport('2021');

  it('renders each text output as UTF-8 of the matching renderer', async () => {
    expect((await renderReport(report, 'html')).toString('utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<table class="form applications"/);
    expect(parseReportJson((await renderReport(report, 'json')).toString('utf8'))).toStrictEqual(report);
    expect((await renderReport(report, 'text')).toString('utf8').split('\n')[0]).toBe('某市生态环境局2023年政府信息公开工作年度报告');
  });

  it('renders DOCX and XLSX as ZIP packages of their kind', async () => {
    const docx = await renderReport(report, 'docx');
    const xlsx = await renderReport(report, 'xlsx');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
  });

  it('lists the six targets', () => {
    expect([...RENDER_TARGETS].sort()).toEqual(['docx', 'html', 'json', 'pdf', 'text', 'xlsx']);
  });

  it('renders PDF with the shared browser, or with the renderer given', async () => {
    expect((await renderReport(report, 'pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const own = createPdfRenderer();
    try {
      expect((await renderReport(report, 'pdf', { pdf: own })).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await own.close();
    }
    await closeRenderer();
    await closeRenderer(); // closing twice is harmless
  });
});
