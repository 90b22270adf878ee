import { command } from '../commands/commands';

/** A toolbar button for a registered command, with its shortcut in the tooltip. */
export function CommandButton({ id, label }: { id: string; label?: string }) {
  const cmd = command(id);
  return (
    <button type="button" disabled={!cmd.enabled()} onClick={() => cmd.run()} title={cmd.shortcut ? `${cmd.label} (${cmd.shortcut})` : cmd.label} aria-keyshortcuts={cmd.shortcut?.replace('Mod', 'Control')}>
      {label ?? cmd.label}
    </button>
  );
}
