/** The figure's notice area: short sentences telling the reader what went wrong and what to try. */
export class FigureNotices {
  constructor(private readonly host: HTMLElement) {}

  add(message: string): void {
    const p = document.createElement('p');
    p.textContent = message;
    this.host.append(p);
    this.host.hidden = false;
  }

  clear(): void {
    this.host.replaceChildren();
    this.host.hidden = true;
  }
}
