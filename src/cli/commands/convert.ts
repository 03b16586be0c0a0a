import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { ingestReport, UnreadableInput } from '../../modules/annual-report/ingest/index.ts';
import { closeRenderer, RENDER_FILE_TYPES, RENDER_TARGETS, renderReport, type RenderTarget } from '../../modules/annual-report/render/index.ts';
import { CliExit } from '../exit.ts';

const TARGETS = RENDER_TARGETS;

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description('读入一份年度报告并按官方格式输出为 html、docx、xlsx、pdf、json 或 text')
    .argument('<file>', '报告文件')
    .requiredOption('--to <format>', `输出格式：${TARGETS.join('|')}`)
    .option('-o, --output <file>', '输出文件（默认与输入同名，换扩展名）')
    .action(async (file: string, flags: { to: string; output?: string }) => {
      const to = flags.to as RenderTarget;
      if (!TARGETS.includes(to)) throw new CliExit(2, `--to 不支持“${flags.to}”，可选：${TARGETS.join('、')}`);
      const bytes = await readFile(file).catch(() => {
        throw new CliExit(2, `文件不存在或无法读取：${file}`);
      });
      let report;
      try {
        report = (await ingestReport(bytes, file)).report;
      } catch (error) {
        if (error instanceof UnreadableInput) throw new CliExit(2, `${file}：${error.message}`);
        throw error;
      }
      const out = flags.output ?? `${basename(file, extname(file))}.${RENDER_FILE_TYPES[to].extension}`;
      try {
        await writeFile(out, await renderReport(report, to));
      } finally {
        await closeRenderer();
      }
      process.stderr.write(`已写出 ${out}\n`);
    });
}
