/**
 * The controller of every runnable listing on a page. It is the only part loaded with
 * the page, and it is small: CodeMirror loads on Edit, the output views, the sandbox
 * worker, sucrase and TF.js on Run, lz-string when a link carries code or the reader
 * copies one.
 */
import type { ListingEditor } from './editor.ts';
import type { OutputView } from './output-view.ts';
import type { SandboxClient } from './sandbox-client.ts';

type RunState = 'idle' | 'loading' | 'running' | 'done' | 'error' | 'stopped';

class Runnable {
  readonly id: string;
  private readonly original: string;
  private code: string;
  private readonly timeoutS: number;
  private editor: ListingEditor | null = null;
  private editorLoading: Promise<ListingEditor> | null = null;
  private output: OutputView | null = null;
  private client: SandboxClient | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private runs = 0;

  constructor(private readonly root: HTMLElement) {
    this.id = root.dataset.listingId!;
    this.original = root.dataset.code ?? '';
    this.code = this.original;
    const t = Number(root.dataset.timeout);
    this.timeoutS = Number.isFinite(t) && t > 0 ? t : 60;
    root.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      if (!button || button.disabled || !root.contains(button)) return;
      const action = button.dataset.action;
      if (action === 'run') void this.run();
      else if (action === 'stop') this.stop('Stopped.');
      else if (action === 'edit') void this.edit(true);
      else if (action === 'reset') this.reset();
      else if (action === 'copy-link') void this.copyLink(button);
    });
    void this.readLink();
  }

  private $(name: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`[data-out="${name}"]`)!;
  }

  private button(action: string): HTMLButtonElement {
    return this.root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }

  private setState(state: RunState, status: string): void {
    this.root.dataset.state = state;
    this.$('status').textContent = status;
    const busy = state === 'loading' || state === 'running';
    this.button('run').disabled = busy;
    this.button('stop').disabled = !busy;
  }

  private notice(text: string | null): void {
    const host = this.$('notice');
    host.replaceChildren();
    host.hidden = !text;
    if (text) {
      const p = document.createElement('p');
      p.textContent = text;
      host.append(p);
    }
  }

  private currentCode(): string {
    return this.editor ? this.editor.getCode() : this.code;
  }

  private edited(): boolean {
    return this.currentCode() !== this.original;
  }

  private refreshReset(): void {
    this.button('reset').disabled = !this.edited() && this.root.dataset.shared !== 'true';
  }

  async edit(focus: boolean): Promise<ListingEditor> {
    if (this.editor) {
      if (focus) this.editor.focus();
      return this.editor;
    }
    this.editorLoading ??= (async () => {
      this.button('edit').disabled = true;
      this.$('status').textContent = 'Loading the editor…';
      const { createEditor } = await import('./editor.ts');
      const host = this.$('editor');
      const title = this.root.querySelector('.runnable-static figcaption, .runnable-static .title')?.textContent?.trim() || this.id;
      const editor = createEditor(host, this.code, `Code of the listing ${title}; Ctrl+Enter runs it`, (code) => {
        this.code = code;
        this.refreshReset();
      }, () => void this.run());
      this.$('static').hidden = true;
      host.hidden = false;
      this.editor = editor;
      this.root.dataset.editing = 'true';
      this.button('edit').textContent = 'Editing';
      this.$('status').textContent = 'Edit the code, then Run (Ctrl+Enter).';
      return editor;
    })();
    const editor = await this.editorLoading;
    if (focus) editor.focus();
    return editor;
  }

  private async ensureRuntime(): Promise<{ output: OutputView; client: SandboxClient }> {
    if (!this.output || !this.client) {
      const [{ OutputView }, { SandboxClient }] = await Promise.all([import('./output-view.ts'), import('./sandbox-client.ts')]);
      this.output ??= new OutputView(this.$('output'));
      this.client ??= new SandboxClient();
    }
    return { output: this.output, client: this.client };
  }

  async run(): Promise<void> {
    const code = this.currentCode();
    this.runs++;
    this.root.dataset.runs = String(this.runs);
    this.setState('loading', 'Starting the sandbox (TF.js loads on the first run)…');
    const { output, client } = await this.ensureRuntime();
    output.clear();
    const backend = new URLSearchParams(location.search).get('backend');
    this.clearTimer();
    // The limit counts from here: loading TF.js in a fresh sandbox is part of a run.
    this.timer = setTimeout(() => this.stop(`Stopped after ${this.timeoutS} s, this listing's time limit. The sandbox was ended and a fresh one will start on the next Run.`), this.timeoutS * 1000);
    let failed = false;
    client.run(code, backend, {
      onReady: (name, notices) => {
        this.root.dataset.backend = name;
        for (const n of notices) output.line(n, 'warn');
        this.setState('running', `Running on the ${name} backend… (Stop ends it)`);
      },
      onEvent: (e) => {
        if (e.type === 'error') failed = true;
        void output.draw(e);
        if (e.type === 'done') {
          this.clearTimer();
          this.setState(failed ? 'error' : 'done', failed ? 'The listing stopped with an error (see below).' : `Done in ${(e.ms / 1000).toFixed(2)} s.`);
        }
      },
      onFatal: (message) => {
        this.clearTimer();
        void output.draw({ type: 'error', message, line: null });
        this.setState('error', 'The sandbox could not run the listing.');
        this.client?.terminate();
      },
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  stop(message: string): void {
    this.clearTimer();
    this.client?.terminate();
    this.output?.line(message, 'warn');
    this.setState('stopped', message);
  }

  reset(): void {
    this.code = this.original;
    this.editor?.setCode(this.original);
    this.root.dataset.shared = 'false';
    this.notice(null);
    this.output?.clear();
    const url = new URL(location.href);
    if (url.searchParams.has(`code.${this.id}`)) {
      url.searchParams.delete(`code.${this.id}`);
      history.replaceState(history.state, '', url);
    }
    this.refreshReset();
    this.setState('idle', 'Reset to the book’s version.');
  }

  private async copyLink(button: HTMLButtonElement): Promise<void> {
    const url = new URL(location.href);
    const name = `code.${this.id}`;
    url.hash = `listing-${this.id}`;
    if (this.edited()) {
      const { encodeCode } = await import('./share.ts');
      const encoded = encodeCode(this.currentCode());
      if (!encoded.ok) {
        this.notice(`This edited listing is too long to share in a link (${encoded.length} characters compressed; a link can carry 6000). Shorten it, or copy the code itself.`);
        return;
      }
      url.searchParams.set(name, encoded.value);
    } else url.searchParams.delete(name);
    history.replaceState(history.state, '', url);
    this.root.dataset.link = url.href;
    const label = 'Copy link';
    try {
      await navigator.clipboard.writeText(url.href);
      button.textContent = this.edited() ? 'Link with your code copied' : 'Link copied';
    } catch {
      window.prompt('Copy this link:', url.href);
    }
    setTimeout(() => (button.textContent = label), 2000);
  }

  private async readLink(): Promise<void> {
    const raw = new URLSearchParams(location.search).get(`code.${this.id}`);
    if (raw === null) return;
    const { decodeCode } = await import('./share.ts');
    const code = decodeCode(raw);
    if (code === null) {
      this.notice('The code in this link could not be read (it may have been cut off); this is the book’s version of the listing.');
      return;
    }
    if (code === this.original) return;
    this.code = code;
    this.root.dataset.shared = 'true';
    await this.edit(false);
    this.notice('This listing was edited by whoever shared the link: read it before you run it. Reset restores the book’s version.');
    this.refreshReset();
  }
}

export function mountRunnables(): void {
  for (const root of document.querySelectorAll<HTMLElement>('.runnable[data-listing-id]')) {
    if (root.dataset.mounted) continue;
    root.dataset.mounted = 'true';
    new Runnable(root);
  }
}
