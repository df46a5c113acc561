import { inLocale, type Locale, type Localized } from '../engine';

type Params = Record<string, string | number>;

/** Every message the CLI prints, in both languages. */
const MESSAGES = {
  clean: { en: 'no problems', zh: '没有问题' },
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  information: { en: 'info', zh: '信息' },
  hint: { en: 'hint', zh: '提示' },
  summary: {
    en: '{files} file(s) linted: {problems} problem(s) ({errors} error(s), {warnings} warning(s), {infos} info/hint)',
    zh: '检查了 {files} 个文件：{problems} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个信息/提示）',
  },
  missing: { en: 'No such file, folder or match: {path}', zh: '找不到文件、文件夹或匹配项：{path}' },
  unreadable: { en: 'Cannot read {path}: {reason}', zh: '无法读取 {path}：{reason}' },
  invalidUtf8: {
    en: '{path} is not valid UTF-8; invalid bytes are shown as \uFFFD and it was linted as decoded',
    zh: '{path} 不是有效的 UTF-8；无效字节显示为 \uFFFD，按解码后的内容检查',
  },
  binary: { en: '{path} looks like a binary file, not a post; skipped', zh: '{path} 看起来是二进制文件，不是帖子；已跳过' },
  notRegularFile: { en: 'not a regular file (a pipe or a device), so it was not read', zh: '不是普通文件（管道或设备），没有读取' },
  ruleFailed: {
    en: 'Rule {rule} failed on {path} and was skipped; the other rules ran. Please report it: {error}',
    zh: '规则 {rule} 检查 {path} 时出错，已跳过；其他规则照常运行。请报告这个问题：{error}',
  },
  fileFailed: {
    en: 'postlint failed on {path}, which was skipped; the other files were linted. Please report it: {error}',
    zh: 'postlint 处理 {path} 时出错，已跳过；其他文件照常检查。请报告这个问题：{error}',
  },
  progress: { en: 'Linting: {done}/{total} files', zh: '正在检查：{done}/{total} 个文件' },
  unknownPlatform: { en: 'Unknown platform "{platform}"; expected one of {platforms}', zh: '未知平台“{platform}”；可选：{platforms}' },
  unknownFormat: { en: 'Unknown format "{format}"; expected one of {formats}', zh: '未知输出格式“{format}”；可选：{formats}' },
  unknownConcurrency: {
    en: 'Unknown concurrency "{value}"; expected auto, off or a number of threads',
    zh: '未知并发设置“{value}”；可选：auto、off 或线程数',
  },
  unknownLocale: { en: 'Unknown locale "{locale}"; expected en or zh-CN', zh: '未知语言“{locale}”；可选：en、zh-CN' },
  noFiles: { en: 'No *.post.md files found in {paths}', zh: '在 {paths} 中没有找到 *.post.md 文件' },
  usage: { en: 'Usage problem: {problem}. Run postlint --help.', zh: '用法有误：{problem}。运行 postlint --help 查看用法。' },
  settingsProblem: { en: 'Settings {source}: {key}: {message}', zh: '设置 {source}：{key}：{message}' },
  settingsFile: { en: 'Settings file {problem}', zh: '设置文件 {problem}' },
  countNeedsPlatform: { en: 'postlint count needs --platform <platform>', zh: 'postlint count 需要 --platform <平台>' },
  fixed: { en: '{path}: fixed {count} problem(s)', zh: '{path}：修复了 {count} 个问题' },
  fixChangedOnDisk: {
    en: '{path} changed on disk while postlint was fixing it; left as it is: run postlint --fix again',
    zh: '{path} 在修复期间被其他程序改动了；没有写入修复，请重新运行 postlint --fix',
  },
  fixStdin: { en: '--fix cannot write back to stdin; findings are reported unfixed', zh: '--fix 无法写回标准输入；只报告问题，不修复' },
  fixInvalidUtf8: { en: '{path} is not valid UTF-8; not fixed, so that no bytes are lost', zh: '{path} 不是有效的 UTF-8；为免丢失原始字节，没有修复' },
  fixWriteFailed: { en: 'Cannot write the fixes to {path}: {reason}; the file is left as it was', zh: '无法把修复写入 {path}：{reason}；文件保持原样' },
  fixNotRegular: { en: 'not a regular file', zh: '不是普通文件' },
  fixReadOnly: { en: 'the file is read-only', zh: '文件是只读的' },
  fixHardLinked: {
    en: 'the file has other hard links, which replacing it would split; fix it by hand',
    zh: '文件还有其他硬链接，替换它会断开这些链接；请手动修改',
  },
  fixOwner: { en: 'the file belongs to another user, and replacing it would change its owner', zh: '文件属于其他用户，替换它会改变文件所有者' },
  previewWriteFailed: { en: 'Cannot write the preview to {path}: {reason}', zh: '无法把预览写入 {path}：{reason}' },
  previewNeedsFiles: { en: 'postlint preview needs at least one post file', zh: 'postlint preview 需要至少一个帖子文件' },
} satisfies Record<string, Localized>;

export type CliMessageId = keyof typeof MESSAGES;

export function cliMessage(id: CliMessageId, locale: Locale, params: Params = {}): string {
  const template = inLocale(MESSAGES[id], locale);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(params[name] ?? `{${name}}`);
    return name === 'path' ? printablePath(value) : value;
  });
}

/**
 * A file name as one line of output: control characters (a newline in a name would start a line
 * of its own, which CI may read as a command such as `::error`) are shown as escapes.
 */
export function printablePath(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `--locale`, else `LC_ALL` / `LC_MESSAGES` / `LANG` (zh_CN.UTF-8 → zh-CN), else English. */
export function cliLocale(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale | undefined {
  const value = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? 'en';
  const lower = value.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en') || lower === 'c' || lower === 'posix' || lower === '' || flag === undefined) return 'en';
  return undefined;
}
