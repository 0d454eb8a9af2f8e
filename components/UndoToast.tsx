/** "Removed from the reading list · Undo": removing is never a one-way door. */
export function UndoToast({ title, onUndo, onDismiss }: { title: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div class="toast" role="status">
      <span>Removed “{title}” from the reading list.</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
