import { isInputError, parseDuration, type Millis } from '../../../sim/index.js';
import { el, panel, setText } from '../dom.js';
import { SPEEDS } from '../clock/playback.js';

export interface TimeCommands {
  play(): void;
  pause(): void;
  setSpeed(index: number): void;
  step(): void;
  /** Forward runs on; backward re-runs from the start (exact, by determinism). */
  goTo(time: Millis): void;
  /** Back to T+0, forgetting every command. */
  restart(): void;
}

/** Play, pause, speed, step, jump and rewind. Times are typed the way people write them ("3d", "72h", "1d12h"). */
export class TimeControls {
  readonly element: HTMLElement;
  readonly clock = el('output', { id: 'clock', 'aria-live': 'off' });
  private readonly playButton = el('button', { type: 'button', id: 'play', text: 'Play' });
  private readonly target = el('input', { id: 'jump-to', type: 'text', value: '1d', 'aria-describedby': 'jump-help' });
  private readonly message = el('p', { id: 'time-message', role: 'status' });

  constructor(private readonly commands: TimeCommands) {
    const speed = el('select', { id: 'speed' });
    SPEEDS.forEach((entry, index) => speed.append(el('option', { value: index, text: entry.label })));
    speed.addEventListener('change', () => commands.setSpeed(Number(speed.value)));
    this.playButton.addEventListener('click', () => (this.playButton.getAttribute('aria-pressed') === 'true' ? commands.pause() : commands.play()));
    const step = el('button', { type: 'button', id: 'step', text: 'Step to next event' });
    step.addEventListener('click', () => commands.step());
    const jump = el('button', { type: 'submit', id: 'jump', text: 'Go to time' });
    const restart = el('button', { type: 'button', id: 'restart', text: 'Rewind to start' });
    restart.addEventListener('click', () => commands.restart());
    const form = el('form', { className: 'jump' },
      el('label', { for: 'jump-to', text: 'Time from start' }), this.target, jump,
      el('span', { id: 'jump-help', className: 'help', text: 'for example 3d, 72h or 1d12h; an earlier time rewinds' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.jump();
    });
    this.element = panel('time', 'Time',
      el('p', { className: 'clock-line' }, el('span', { text: 'Simulated time: ' }), this.clock),
      el('div', { className: 'buttons' }, this.playButton, step, restart,
        el('label', { for: 'speed', text: 'Speed' }), speed),
      form, this.message);
    this.playButton.setAttribute('aria-pressed', 'false');
  }

  private jump(): void {
    try {
      const time = parseDuration(this.target.value);
      setText(this.message, '');
      this.commands.goTo(time);
    } catch (error) {
      if (!isInputError(error)) throw error;
      setText(this.message, error.message);
    }
  }

  setPlaying(playing: boolean): void {
    const pressed = playing ? 'true' : 'false';
    if (this.playButton.getAttribute('aria-pressed') !== pressed) this.playButton.setAttribute('aria-pressed', pressed);
    setText(this.playButton, playing ? 'Pause' : 'Play');
  }
}
