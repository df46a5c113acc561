import { PLATFORMS, type Severity } from '../../engine';
import { cliMessage, printablePath } from '../messages';
import type { FormatterFactory } from './types';

const COLORS: Record<Severity | 'dim' | 'underline' | 'bold', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  information: [36, 39],
  hint: [90, 39],
  dim: [2, 22],
  underline: [4, 24],
  bold: [1, 22],
};

/** Human-readable output, grouped by file, like ESLint's stylish. */
export const stylishFormatter: FormatterFactory = ({ locale, color }) => {
  const paint = (style: keyof typeof COLORS, text: string) => (color ? `\u001b[${COLORS[style][0]}m${text}\u001b[${COLORS[style][1]}m` : text);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  // Every finding's row carries one of four labels; a run prints thousands of rows.
  const severityColumn = {} as Record<Severity, string>;
  for (const severity of ['error', 'warning', 'information', 'hint'] as const) severityColumn[severity] = paint(severity, padToWidth(cliMessage(severity, locale), 11));
  return {
    begin: () => '',
    render(result) {
      const counts = result.stats.platforms
        .map((p) => {
          const text = `${PLATFORMS[p.platform]?.name[lang] ?? p.platform} ${p.length}/${p.limit}`;
          return p.length > p.limit ? paint('error', text) : text;
        })
        .join(' · ');
      const header = `${paint('underline', printablePath(result.file))}  ${paint('dim', '(')}${counts}${paint('dim', ')')}`;
      if (result.diagnostics.length === 0) return `${header}  ${paint('dim', cliMessage('clean', locale))}\n`;
      const rows = result.diagnostics.map((d) => {
        const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        return `  ${paint('dim', where.padEnd(7))} ${severityColumn[d.severity]} ${d.platform ? `[${d.platform}] ` : ''}${d.message}  ${paint('dim', d.rule)}`;
      });
      return `${header}\n${rows.join('\n')}\n\n`;
    },
    append: (rendered) => rendered,
    end(summary) {
      const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
      const line = cliMessage('summary', locale, {
        files: summary.files,
        problems,
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos + summary.hints,
      });
      const style = summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'bold';
      return `${paint(style, line)}\n`;
    },
  };
};

/** Pads to a terminal width: CJK characters take two columns, so `警告` lines up with `warning`. */
function padToWidth(text: string, width: number): string {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return text + ' '.repeat(Math.max(0, width - columns));
}
