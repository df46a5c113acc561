// `postlint preview <files…> [--platform P] [-o out.html]`: the editor's feed preview as one
// self-contained HTML file for reviewers (a CI artefact, an attachment to a pull request). Local
// images are embedded as data URIs, so the file opens anywhere and loads nothing from the network.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { type Locale, type PostlintSettings, previewPost, type PreviewMedia, type PreviewModel } from '../engine';
import { renderPreviewDocument } from '../engine/preview/html';
import { decodePost } from './decode';
import { readPostFile } from './files';
import { cliMessage } from './messages';

export interface PreviewRun {
  files: string[];
  settingsFor: (file: string) => PostlintSettings;
  platform?: string;
  output?: string;
  locale: Locale;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Buffer;
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
};

/** A local media path as a draft writes it (`images/a.png`, `./a%20b.png`), resolved against the draft's folder. */
export function localMediaPath(src: string, postDir: string): string | undefined {
  let path = src.replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // Not percent-encoded after all: the path as written.
  }
  if (path.startsWith('file://')) path = path.slice('file://'.length);
  return path === '' ? undefined : resolve(postDir, path);
}

function isFile(path: string | undefined): boolean {
  try {
    return path !== undefined && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Returns the exit code: 0, or 2 when a file cannot be read or the output cannot be written. */
export function runPreview(run: PreviewRun): number {
  const models: PreviewModel[] = [];
  const embedded = new Map<PreviewMedia, string | undefined>();
  const encoded = new Map<string, string | undefined>();
  let failed = false;
  for (const file of run.files) {
    const path = resolve(run.cwd, file);
    let bytes: Buffer;
    try {
      bytes = file === '-' ? run.readStdin() : readPostFile(path);
    } catch (error) {
      run.stderr(`${cliMessage('unreadable', run.locale, { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
      failed = true;
      continue;
    }
    const postDir = file === '-' ? run.cwd : dirname(path);
    const exists = (src: string) => isFile(localMediaPath(src, postDir));
    const model = previewPost(decodePost(bytes).text, run.settingsFor(file), { mediaExists: exists, platforms: run.platform ? [run.platform] : undefined, title: file === '-' ? undefined : basename(file) });
    for (const card of model.cards) {
      for (const part of card.parts) {
        for (const media of part.media) {
          if (media.kind !== 'image') continue;
          // Every card shows the same files: each is read and encoded once.
          const path = localMediaPath(media.src, postDir);
          if (path !== undefined && !encoded.has(path)) encoded.set(path, dataUri(path));
          embedded.set(media, path === undefined ? undefined : encoded.get(path));
        }
      }
    }
    models.push(model);
  }
  const html = renderPreviewDocument(models, { host: 'standalone', mediaUrl: (media) => embedded.get(media) });
  if (run.output === undefined) run.stdout(html);
  else {
    try {
      writeFileSync(resolve(run.cwd, run.output), html);
    } catch (error) {
      run.stderr(`${cliMessage('previewWriteFailed', run.locale, { path: run.output, reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
      return 2;
    }
  }
  return failed ? 2 : 0;
}

/** An image file as a data URI, or undefined for a type a browser may not show inline. */
function dataUri(path: string | undefined): string | undefined {
  const type = IMAGE_TYPES[extname(path ?? '').toLowerCase()];
  if (!path || !type) return undefined;
  try {
    return `data:${type};base64,${readFileSync(path).toString('base64')}`;
  } catch {
    return undefined;
  }
}
