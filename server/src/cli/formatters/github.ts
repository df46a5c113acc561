// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
//   ::error file=drafts/a.post.md,line=3,col=12,endLine=3,endColumn=40,title=postlint length::312/280: …
import type { Severity } from '../../engine';
import type { FormatterFactory } from './types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Message text: `%`, CR and LF are escaped, as the Actions runner expects. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubFormatter: FormatterFactory = () => ({
  begin: () => '',
  render(result) {
    const file = result.file.replace(/\\/g, '/');
    return result.diagnostics
      .map((d) => {
        const properties = [
          `file=${escapeProperty(file)}`,
          `line=${d.range.start.line + 1}`,
          `col=${d.range.start.character + 1}`,
          `endLine=${d.range.end.line + 1}`,
          `endColumn=${d.range.end.character + 1}`,
          `title=${escapeProperty(`postlint ${d.rule}`)}`,
        ].join(',');
        const message = d.platform ? `[${d.platform}] ${d.message}` : d.message;
        return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}\n`;
      })
      .join('');
  },
  append: (rendered) => rendered,
  end: () => '',
});
