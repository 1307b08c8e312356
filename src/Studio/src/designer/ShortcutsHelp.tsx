import { Dialog } from "./Dialog";

const Shortcuts: [string, string][] = [
  ["Drag from the palette", "Add an activity where it is dropped"],
  ["Enter on a palette item", "Add it at the centre of the canvas"],
  ["Drag from an outcome port to an input port", "Connect two activities"],
  ["Connections in the side panel", "Connect the selected activity without the mouse (port, target, Connect)"],
  ["Click / Ctrl+click", "Select / add to the selection"],
  ["Shift+drag", "Select with a box"],
  ["Delete or Backspace", "Remove the selected activities and connections"],
  ["Ctrl+C / Ctrl+V", "Copy / paste the selection (new ids, connections between them kept)"],
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z or Ctrl+Y", "Redo"],
  ["Ctrl+S", "Save the draft"],
  ["Mouse wheel / drag the background", "Zoom / pan"],
  ["?", "Show this list"],
];

/** The keyboard and mouse shortcuts of the designer. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {Shortcuts.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">{keys}</th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
