import type { FileResult, FormatterFactory } from './types';

/** One JSON array, one object per file; ranges are 0-based lines and UTF-16 characters, as LSP. */
export const jsonFormatter: FormatterFactory = () => {
  let first = true;
  return {
    begin: () => '[',
    render: (result) => JSON.stringify(toJson(result)),
    append(rendered) {
      const text = (first ? '\n' : ',\n') + rendered;
      first = false;
      return text;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
};

export function toJson(result: FileResult) {
  const { stats } = result;
  return {
    file: result.file,
    platform: stats.platform,
    stats: { length: stats.length, limit: stats.limit, ...(stats.fold !== undefined ? { fold: stats.fold } : {}) },
    ...(stats.platforms.length > 1
      ? { platforms: stats.platforms.map((p) => ({ platform: p.platform, length: p.length, limit: p.limit, ...(p.fold !== undefined ? { fold: p.fold } : {}) })) }
      : {}),
    diagnostics: result.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      range: d.range,
      ...(d.platform ? { platform: d.platform } : {}),
      fixes: d.fixes.map((f) => ({ title: f.title, kind: f.kind, preferred: f.preferred, edits: f.edits })),
    })),
  };
}
